using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Bench.Data;
using Rapport.Contacts.Import;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Data;

namespace Rapport.Bench.Tests;

/// <summary>
/// The product's bulk path (ContactImporter on prepared INSERTs / binary COPY) must leave exactly what the normal
/// service path leaves: the same row, the same history entry, and a search index that finds the contact.
/// </summary>
public abstract class BulkImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private BenchDatabase database = null!;
    private ProductHost host = null!;
    private IReadOnlyList<Guid> owners = [];

    public async Task InitializeAsync()
    {
        database = await BenchDatabase.CreateAsync(provider, $"rapport_bulk_{Guid.NewGuid():N}", TestDatabases.ServerFor(provider), CancellationToken.None);
        host = ProductHost.Create(database);
        (owners, _) = await host.PrepareAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task ImportedContacts_AreStoredAuditedAndSearchableLikeContactsCreatedThroughTheService()
    {
        var data = new CrmDataGenerator(30, owners, seed: 42);
        var companies = data.Companies().ToList();
        var imported = data.Contacts().ToList();
        var result = await host.InScopeAsync("import", sp =>
            sp.GetRequiredService<ContactImporter>().ImportAsync(companies, imported, CancellationToken.None));
        Assert.Equal((3, 30), (result.Companies, result.Contacts));

        // The same people again, one by one through the service the API and UI use.
        var created = await host.InScopeAsync("import", async sp =>
        {
            var service = sp.GetRequiredService<ContactService>();
            var list = new List<Contact>();
            foreach (var contact in imported) list.Add(await service.CreateAsync(ContactResponse.ToInput(contact), CancellationToken.None));
            return list;
        });

        await host.InScopeAsync("test", async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var type = db.Model.FindEntityType(typeof(Contact))!;
            for (var i = 0; i < imported.Count; i++)
            {
                var bulk = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == imported[i].Id);
                var normal = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == created[i].Id);
                foreach (var property in type.GetProperties().Where(AuditRecord.IsAudited))
                {
                    var getter = property.GetGetter();
                    Assert.Equal(AuditRecord.Format(getter.GetClrValue(normal)), AuditRecord.Format(getter.GetClrValue(bulk)));
                }
                Assert.Equal((1, normal.CreatedById), (bulk.Version, bulk.CreatedById));
                Assert.Equal(bulk.CreatedAt, bulk.UpdatedAt);

                var bulkHistory = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == bulk.Id);
                var normalHistory = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == normal.Id);
                Assert.Equal(
                    (normalHistory.EntityType, normalHistory.Action, normalHistory.ActorName, normalHistory.Via, normalHistory.Changes),
                    (bulkHistory.EntityType, bulkHistory.Action, bulkHistory.ActorName, bulkHistory.Via, bulkHistory.Changes));
            }
            Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == "company"));
            return 0;
        });

        // Search, filter and get by id reach the imported rows (FTS5 triggers / generated tsvector, id format, FK).
        await host.InScopeAsync("api", async sp =>
        {
            var service = sp.GetRequiredService<ContactService>();
            foreach (var contact in imported.Take(5))
            {
                var page = await service.ListAsync(new ListRequest(null, null, $"{contact.FirstName} {contact.LastName}", 200, null), CancellationToken.None);
                Assert.Contains(page.Data, c => c.Id == contact.Id);
                // Both copies carry the address: the imported one and the one created through the service.
                var email = await service.ListAsync(new ListRequest($"email eq '{contact.PrimaryEmail!.Replace("'", "''", StringComparison.Ordinal)}'", null, null, 10, null), CancellationToken.None);
                Assert.Equal(2, email.Data.Count);
                Assert.Contains(email.Data, c => c.Id == contact.Id);
                var fetched = await service.GetAsync(contact.Id, CancellationToken.None);
                Assert.Equal(contact.CompanyId, fetched.Company?.Id);
            }
            return 0;
        });
    }

    [Fact]
    public async Task Import_WithAnUnknownOwner_WritesNothing()
    {
        var data = new CrmDataGenerator(10, [Guid.NewGuid()], seed: 7);
        await Assert.ThrowsAsync<Rapport.Platform.Api.RequestValidationException>(() => host.InScopeAsync("import", sp =>
            sp.GetRequiredService<ContactImporter>().ImportAsync(data.Companies(), data.Contacts(), CancellationToken.None)));
        var counts = await host.InScopeAsync("test", async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            return (await db.Companies.CountAsync(), await db.Contacts.CountAsync(), await db.AuditEntries.CountAsync(e => e.Via == "import"));
        });
        Assert.Equal((0, 0, 0), counts);
    }
}

public sealed class SqliteBulkImportTests() : BulkImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkImportTests() : BulkImportTests(DatabaseProvider.Postgres);
