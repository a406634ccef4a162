using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Rapport.Contacts.Companies;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Search;
using Rapport.Platform.Data.Bulk;
using Rapport.Platform.Tags;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Data;

/// <summary>Bulk loads commit in chunks: what was committed stays when a later chunk fails, and writing goes on after each commit.</summary>
public abstract class BulkSessionTests(RapportApp app)
{
    [Fact]
    public async Task ALoad_CommitsEachWholeChunk_AndKeepsThemWhenItStopsBeforeTheEnd()
    {
        var stem = "bulk" + Guid.NewGuid().ToString("N")[..8];
        Tag[] Chunk(int n) => [.. Enumerable.Range(0, 2).Select(i => new Tag { Name = $"{stem}-{n}-{i}", NormalizedName = $"{stem}-{n}-{i}" })];

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await using var session = await BulkSession.BeginAsync(db, commitEvery: 3, CancellationToken.None);
            await session.WriteAsync(Chunk(1), CancellationToken.None);
            await session.EndOfChunkAsync(CancellationToken.None); // 2 rows: not yet
            await session.WriteAsync(Chunk(2), CancellationToken.None);
            await session.EndOfChunkAsync(CancellationToken.None); // 4 rows: committed
            await session.WriteAsync(Chunk(3), CancellationToken.None); // written in the new transaction...
            return 0; // ...and never committed: the load stops here
        });

        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<Tag>().AsNoTracking()
            .Where(t => t.Name.StartsWith(stem)).Select(t => t.Name).ToListAsync());
        Assert.Equal([$"{stem}-1-0", $"{stem}-1-1", $"{stem}-2-0", $"{stem}-2-1"], stored.Order());
    }

    [Fact]
    public async Task ALoadsRows_AreFoundBySearch_ChunkByChunk_AndAFailedChunkLeavesNoTrace()
    {
        // On SQLite the load indexes its rows for full-text search itself, once per transaction, with the insert
        // trigger paused: every committed chunk must be searchable, and the pause must end with the load.
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = "bulkword" + Guid.NewGuid().ToString("N")[..8];
        var stamped = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        Company[] Chunk(int n) => [.. Enumerable.Range(0, 2).Select(i => new Company
        {
            Id = Guid.CreateVersion7(), Name = $"{word} Holdings {n}-{i}", CreatedAt = stamped, UpdatedAt = stamped,
        })];

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await using var session = await BulkSession.BeginAsync(db, commitEvery: 3, CancellationToken.None);
            await session.WriteAsync(Chunk(1), CancellationToken.None);
            await session.EndOfChunkAsync(CancellationToken.None);
            await session.WriteAsync(Chunk(2), CancellationToken.None);
            await session.EndOfChunkAsync(CancellationToken.None); // 4 rows committed
            await session.WriteAsync(Chunk(3), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None); // 2 more
            return 0;
        });
        await app.WithServicesAsync(async sp =>
        {
            await using var session = await BulkSession.BeginAsync(sp.GetRequiredService<RapportDb>(), CancellationToken.None);
            await session.WriteAsync(Chunk(4), CancellationToken.None);
            return 0; // fails before committing
        });
        var created = await admin.Client.PostJsonAsync("/api/v1/companies", new { name = $"{word} Saved By Hand" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var found = await (await admin.Client.GetAsync($"/api/v1/companies?q={word}&limit=50")).ReadAsync<Page<CompanyResponse>>();
        Assert.Equal(
            ["1-0", "1-1", "2-0", "2-1", "3-0", "3-1", "Hand"],
            found.Data.Select(c => c.Name.Split(' ')[^1]).Order(StringComparer.Ordinal));
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var paused = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Database
                .SqlQueryRaw<int>($"SELECT count(*) AS \"Value\" FROM \"{SqliteFtsSetup.DeferralTable}\"").SingleAsync());
            Assert.Equal(0, paused);
        }
    }
}

public sealed class BulkSessionTestsOnSqlite(SqliteApp app) : BulkSessionTests(app), IClassFixture<SqliteApp>;

public sealed class BulkSessionTestsOnPostgres(PostgresApp app) : BulkSessionTests(app), IClassFixture<PostgresApp>;
