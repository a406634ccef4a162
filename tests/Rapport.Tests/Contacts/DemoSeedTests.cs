using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

/// <summary>A fresh install shows a believable demo workspace, once.</summary>
public abstract class DemoSeedTests(RapportApp app, Func<RapportApp> newInstall)
{
    [Fact]
    public async Task FreshStart_SeedsAtLeast50CompaniesAnd300ContactsWithVariedData()
    {
        var (companies, contacts) = await app.WithDbAsync(async db =>
            (await db.Companies.AsNoTracking().ToListAsync(), await db.Contacts.AsNoTracking().ToListAsync()));
        Assert.True(companies.Count >= 50, $"{companies.Count} companies");
        Assert.True(contacts.Count >= 300, $"{contacts.Count} contacts");

        Assert.True(companies.Select(c => c.Industry).Distinct().Count() >= 8);
        Assert.True(companies.Select(c => c.City).Distinct().Count() >= 20);
        Assert.True(companies.Select(c => c.AnnualRevenueCurrency).Distinct().Count() >= 2);
        Assert.All(companies, c => Assert.False(string.IsNullOrEmpty(c.Domain)));
        Assert.True(Enum.GetValues<LifecycleStage>().Count(s => contacts.Any(c => c.LifecycleStage == s)) >= 6);
        Assert.True(contacts.Select(c => c.OwnerId).Distinct().Count() >= 3);
        Assert.Contains(contacts, c => c.Emails.Count > 1);
        Assert.Contains(contacts, c => c.CompanyId is null);
        Assert.Contains(contacts, c => c.Tags.Count > 0);
        Assert.True(contacts.Select(c => c.LastName).Distinct().Count() >= 100);
        Assert.All(contacts, c => Assert.Single(c.Emails, e => e.Primary));
        Assert.True(contacts.Select(c => c.PrimaryEmail).Distinct().Count() == contacts.Count, "demo emails are unique");
    }

    [Fact]
    public async Task SeededRecords_AreInTheApi_SearchableAndAudited()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var page = await (await admin.Client.GetAsync("/api/v1/contacts?limit=200")).ReadAsync<Rapport.Platform.Api.Listing.Page<ContactResponse>>();
        Assert.Equal(200, page.Data.Count);
        var someone = page.Data[17];
        var found = await (await admin.Client.GetAsync($"/api/v1/contacts?q={Uri.EscapeDataString(someone.FullName)}"))
            .ReadAsync<Rapport.Platform.Api.Listing.Page<ContactResponse>>();
        Assert.Contains(found.Data, c => c.Id == someone.Id);

        var history = await (await admin.Client.GetAsync($"/api/v1/contacts/{someone.Id}/history")).ReadJsonAsync();
        var created = Assert.Single(history.EnumerateArray());
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Equal("seed", created.GetProperty("via").GetString());
    }

    [Fact]
    public async Task EverySeededRecord_PassesTheApiValidation_SoItCanBeEdited()
    {
        var (companies, contacts) = await app.WithDbAsync(async db =>
            (await db.Companies.AsNoTracking().ToListAsync(), await db.Contacts.AsNoTracking().ToListAsync()));
        var invalid = companies.Select(c => (c.Name, Input: (object)Rapport.Contacts.Companies.CompanyResponse.ToInput(c)))
            .Concat(contacts.Select(c => (Name: c.FullName, Input: (object)ContactResponse.ToInput(c))))
            .Select(r =>
            {
                try
                {
                    Rapport.Platform.Api.RequestValidator.ThrowIfInvalid(r.Input);
                    return null;
                }
                catch (Rapport.Platform.Api.RequestValidationException e)
                {
                    return $"{r.Name}: {string.Join("; ", e.Errors.Select(kv => $"{kv.Key} {string.Join(" ", kv.Value)}"))}";
                }
            })
            .OfType<string>().ToList();
        Assert.Empty(invalid);

        var admin = await app.CreateUserAsync(Roles.Admin);
        var edited = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contacts[5].Id}", new { jobTitle = "Edited demo" });
        await edited.EnsureSuccessAsync();
    }

    [Fact]
    public async Task SecondStart_DoesNotSeedAgain_EvenWhenTheWorkspaceWasEmptied()
    {
        await using var first = newInstall();
        await first.InitializeAsync();
        var counts = await first.CountStoredAsync();
        Assert.True(counts.Contacts >= 300);
        await using (var second = first.Restart())
        {
            await second.InitializeAsync();
            var again = await second.CountStoredAsync();
            Assert.Equal((counts.Companies, counts.Contacts), (again.Companies, again.Contacts));

            // Someone cleared the demo to start for real: a restart must not pour it back in.
            await second.WithDbAsync(async db =>
            {
                await db.Contacts.ExecuteDeleteAsync();
                return await db.Companies.ExecuteDeleteAsync();
            });
        }
        await using var third = first.Restart();
        await third.InitializeAsync();
        var after = await third.CountStoredAsync();
        Assert.Equal((0, 0), (after.Companies, after.Contacts));
    }
}

public sealed class DemoSeedTestsOnSqlite(SeededSqliteApp app) : DemoSeedTests(app, () => new SeededSqliteApp()), IClassFixture<SeededSqliteApp>;

public sealed class DemoSeedTestsOnPostgres(SeededPostgresApp app) : DemoSeedTests(app, () => new SeededPostgresApp()), IClassFixture<SeededPostgresApp>;
