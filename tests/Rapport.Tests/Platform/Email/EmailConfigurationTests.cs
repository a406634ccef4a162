using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Email;

/// <summary>An operator who turns email on without saying where Rapport is reachable learns it at start, not from broken links.</summary>
public sealed class EmailConfigurationTests
{
    private sealed class SmtpWithoutPublicUrlApp : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Rapport:Smtp:Host", "127.0.0.1");
        }
    }

    [Fact]
    public async Task SmtpHostWithoutPublicUrl_StopsTheAppAtStart_NamingTheSetting()
    {
        await using var app = new SmtpWithoutPublicUrlApp();
        var failure = Assert.ThrowsAny<OptionsValidationException>(() => app.Server);
        Assert.Contains("Rapport:PublicUrl", failure.Message, StringComparison.Ordinal);
    }
}
