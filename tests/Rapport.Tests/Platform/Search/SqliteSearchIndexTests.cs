using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Search;
using Rapport.Platform.Search.Global;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Search;

/// <summary>
/// SQLite's full-text tables carry prefix indexes and hold a bulk load's new terms in memory until its commit; a
/// database from before either gets them at start-up.
/// </summary>
public sealed class SqliteSearchIndexTests
{
    [Fact]
    public async Task AnIndexWithoutPrefixIndexes_IsBuiltAgainAtStartUp_AndStillFindsEveryRecord()
    {
        var word = "pfx" + Guid.NewGuid().ToString("N")[..8];
        await using var first = new SqliteApp();
        await first.InitializeAsync();
        var admin = await first.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = $"{word} Holdings" });
        // The companies' index as an older Rapport created it: no prefix indexes.
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            DROP TABLE "companies_fts";
            CREATE VIRTUAL TABLE "companies_fts" USING fts5(id UNINDEXED, "Name", "Domain", "Industry", "City", "Country", "Phone",
                tokenize = 'unicode61 remove_diacritics 2');
            """));
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            SqliteFtsSetup.IndexRowsSql(SearchIndexes.All.Single(i => i.Table == "Companies"), afterRowid: 0)));
        Assert.DoesNotContain("prefix", await DefinitionAsync(first, "companies_fts"));

        await using var second = first.Restart();
        await second.InitializeAsync();

        foreach (var index in SearchIndexes.All)
        {
            Assert.Contains($"prefix = '{SqliteFtsSetup.PrefixLengths}'", await DefinitionAsync(second, index.FtsTable));
            // Rebuilt or not, every table takes the larger pending-terms buffer (FTS5 keeps it in the table's config).
#pragma warning disable EF1003 // the table name comes from SearchIndexes
            Assert.Equal(SqliteFtsSetup.PendingTermBytes, await second.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT v AS \"Value\" FROM \"" + index.FtsTable + "_config\" WHERE k = 'hashsize'").SingleAsync()));
#pragma warning restore EF1003
        }
        // Built again with every row: the company is found by what someone starts typing, and by its whole name.
        var reader = await second.CreateUserAsync(Roles.Admin);
        foreach (var typed in new[] { word[..4], word })
        {
            var found = await reader.Client.GetAsync($"/api/v1/search?q={typed}");
            var companies = (await found.ReadAsync<SearchResponse>()).Groups.Single(g => g.Type == "company").Results;
            Assert.Contains(companies, r => r.Id == company.Id);
        }
    }

    private static Task<string> DefinitionAsync(RapportApp app, string table) =>
        app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", table).SingleAsync());
}
