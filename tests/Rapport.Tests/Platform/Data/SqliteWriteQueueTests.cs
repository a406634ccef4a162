using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Data;

/// <summary>
/// SQLite takes one writer at a time; the process queues its writers so they get in in the order they came
/// (SqliteWriteQueue). PostgreSQL locks rows, not the database, and has no such queue.
/// </summary>
public sealed class SqliteWriteQueueTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SavesWaitingForTheDatabase_AreWrittenInTheOrderTheyCame()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = "queued" + Guid.NewGuid().ToString("N")[..8];
        // A key's first request records its use, a write of its own outside any transaction (once a minute): done here,
        // so that the saves below wait for the database only to save.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await using var holding = await db.Database.BeginTransactionAsync(); // the database's one writer, for now
            var first = admin.Client.PostJsonAsync("/api/v1/contacts", new { firstName = "First", lastName = name });
            // Long enough for SQLite's own busy handler to be sleeping 100 ms at a time between tries: without the
            // queue, the saves that come after it try again sooner and get in first.
            await Task.Delay(600);
            // Then three more, far enough apart (a create takes a few ms to reach its save) that their order is clear.
            var later = Enumerable.Range(1, 3).Select(async i =>
            {
                await Task.Delay(i * 100);
                return await admin.Client.PostJsonAsync("/api/v1/contacts", new { firstName = $"Later{i}", lastName = name });
            }).ToList();
            await Task.Delay(450);
            await holding.CommitAsync();
            Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
            Assert.All(await Task.WhenAll(later), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            return 0;
        });

        var written = await app.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"FirstName\" AS \"Value\" FROM \"Contacts\" WHERE \"LastName\" = {name} ORDER BY rowid")
            .ToListAsync());
        Assert.Equal(["First", "Later1", "Later2", "Later3"], written);
    }

    [Fact]
    public async Task ATransactionLeftUnfinished_GivesUpItsTurn()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var connection = db.Database.GetDbConnection();
            await using (var abandoned = await db.Database.BeginTransactionAsync())
            {
                Assert.False(SqliteWriteQueue.IsFree(connection));
                await db.Database.ExecuteSqlRawAsync("UPDATE \"Tags\" SET \"Name\" = \"Name\" WHERE 0");
            } // disposed without commit or rollback: SQLite rolls it back, and no EF Core interceptor hears of it
            Assert.True(SqliteWriteQueue.IsFree(connection));

            await using (var closed = await db.Database.BeginTransactionAsync())
            {
                await db.Database.CloseConnectionAsync(); // the connection goes back to the pool mid-transaction
            }
            Assert.True(SqliteWriteQueue.IsFree(connection));
            return 0;
        });

        var saved = await admin.Client.PostJsonAsync("/api/v1/contacts", new { firstName = "After", lastName = "Abandoned" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }
}
