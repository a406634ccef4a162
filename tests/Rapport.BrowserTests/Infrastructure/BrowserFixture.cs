namespace Rapport.BrowserTests.Infrastructure;

/// <summary>
/// One Rapport server and one Debian Chromium for the whole run (starting them is the slow part); each test
/// gets its own browser context, so cookies and localStorage never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public RapportProcess Server { get; private set; } = default!;

    /// <summary>The mail server the app sends through: what reaches people's inboxes can be read here.</summary>
    public Rapport.Tests.Infrastructure.SmtpTestServer Smtp { get; } = new();
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        await Smtp.StartAsync();
        Server = await RapportProcess.StartAsync(Smtp.Port);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context signed in as the demo admin, on the home page.</summary>
    public Task<IPage> SignedInPageAsync(ViewportSize? viewport = null) =>
        SignedInPageAsync(RapportProcess.AdminEmail, RapportProcess.AdminPassword, viewport);

    /// <summary>A fresh browser context signed in as the given user, on the page the sign-in lands on.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: Chromium, the server and its database share two cores, and on a slow day a Blazor circuit's
        // first render took longer than 15 s (three different journeys timed out on 2026-12-02 at load 8).
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
