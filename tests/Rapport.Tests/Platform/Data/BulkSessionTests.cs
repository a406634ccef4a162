using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Data;
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
}

public sealed class BulkSessionTestsOnSqlite(SqliteApp app) : BulkSessionTests(app), IClassFixture<SqliteApp>;

public sealed class BulkSessionTestsOnPostgres(PostgresApp app) : BulkSessionTests(app), IClassFixture<PostgresApp>;
