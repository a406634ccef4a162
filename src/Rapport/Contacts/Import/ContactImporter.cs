using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Contacts.Shared;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Data.Bulk;

namespace Rapport.Contacts.Import;

public sealed record ImportResult(int Companies, int Contacts, TimeSpan Elapsed)
{
    public double RowsPerSecond => (Companies + Contacts) / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>
/// Loads many companies and contacts at once (migrations from another CRM, the benchmark data set) through the
/// bulk path, in one transaction: all or nothing. Each record is normalised like a save through the services,
/// permission-checked, stamped and given its "created" history entry by the same rules as
/// <see cref="AuditInterceptor"/>, so an imported record is indistinguishable from one created by hand; the
/// database keeps the search index (SQLite FTS5 triggers, PostgreSQL generated tsvector) in step.
/// Companies come first so contacts can name them.
/// </summary>
public sealed class ContactImporter(RapportDb db, RecordAccess access, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Rows per write: large enough for COPY to stream, small enough to bound memory at a million rows.</summary>
    public const int ChunkSize = 5_000;

    public Task<ImportResult> ImportAsync(IEnumerable<Company> companies, IEnumerable<Contact> contacts, CancellationToken ct) =>
        ImportAsync(companies, contacts, refreshStatistics: true, ct);

    // refreshStatistics is false for a CSV import's batches: a few hundred rows do not change the data's shape,
    // and ANALYZE per batch would cost more than the batch.
    public async Task<ImportResult> ImportAsync(IEnumerable<Company> companies, IEnumerable<Contact> contacts,
        bool refreshStatistics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = Timestamps.UtcNow(clock);
        var activeUsers = (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        await using var session = await BulkSession.BeginAsync(db, ct);

        var companyCount = 0;
        var companyType = db.Model.FindEntityType(typeof(Company))!;
        foreach (var chunk in companies.Chunk(ChunkSize))
        {
            foreach (var company in chunk) Normalize(company, activeUsers);
            await WriteAsync(session, companyType, chunk, "company", now, ct);
            companyCount += chunk.Length;
        }

        var contactCount = 0;
        var contactType = db.Model.FindEntityType(typeof(Contact))!;
        foreach (var chunk in contacts.Chunk(ChunkSize))
        {
            foreach (var contact in chunk) Normalize(contact, activeUsers);
            await WriteAsync(session, contactType, chunk, "contact", now, ct);
            contactCount += chunk.Length;
        }

        await session.CommitAsync(ct);
        if (refreshStatistics) await BulkStatistics.RefreshAsync(db, ["Companies", "Contacts", "AuditEntries"], ct);
        return new ImportResult(companyCount, contactCount, Stopwatch.GetElapsedTime(started));
    }

    private async Task WriteAsync<T>(BulkSession session, IEntityType type, T[] records, string what, DateTime now, CancellationToken ct)
        where T : Entity, IOwned
    {
        var history = new AuditEntry[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            access.Demand(record, Operation.Create, what);
            AuditRecord.StampCreated(record, now, actor.UserId);
            history[i] = AuditRecord.Entry(record, AuditAction.Created, AuditRecord.CreatedChanges(type, record), now, actor);
        }
        await session.WriteAsync(records, ct);
        await session.WriteAsync(history, ct);
        await session.EndOfChunkAsync(ct);
    }

    private void Normalize(Company company, HashSet<Guid> activeUsers)
    {
        company.OwnerId ??= actor.UserId;
        company.Name = CompanyService.Clean(company.Name) ?? throw Invalid("Every company needs a name.");
        company.Domain = CompanyService.Clean(company.Domain)?.ToLowerInvariant();
        company.Tags = Tags.Normalize(company.Tags);
        CheckOwner(company.OwnerId, activeUsers);
    }

    private void Normalize(Contact contact, HashSet<Guid> activeUsers)
    {
        contact.OwnerId ??= actor.UserId;
        contact.FirstName = CompanyService.Clean(contact.FirstName) ?? "";
        contact.LastName = CompanyService.Clean(contact.LastName) ?? "";
        if (contact.FirstName.Length == 0 && contact.LastName.Length == 0 && contact.Emails.Count == 0)
            throw Invalid("Every contact needs a name or an email address.");
        // The primary email and phone are what lists sort and search by: derive them as the service does.
        var emails = contact.Emails;
        if (emails.Count > 0 && !emails.Any(e => e.Primary)) emails = [emails[0] with { Primary = true }, .. emails.Skip(1)];
        contact.SetEmails(emails);
        var phones = contact.Phones;
        if (phones.Count > 0 && !phones.Any(p => p.Primary)) phones = [phones[0] with { Primary = true }, .. phones.Skip(1)];
        contact.SetPhones(phones);
        contact.Tags = Tags.Normalize(contact.Tags);
        contact.CompanyId = contact.Company?.Id ?? contact.CompanyId;
        contact.Company = null;
        CheckOwner(contact.OwnerId, activeUsers);
    }

    private static void CheckOwner(Guid? owner, HashSet<Guid> activeUsers)
    {
        if (owner is { } id && !activeUsers.Contains(id)) throw Invalid($"Owner {id} is not an active user.");
    }

    private static Platform.Api.RequestValidationException Invalid(string message) =>
        Platform.Api.RequestValidationException.For("import", message);
}
