using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.People;

/// <summary>
/// GET /contacts/{id}, the API's most frequent read, as one compiled query projected to the columns the response
/// shows (<see cref="ContactProjection"/>). Through <see cref="ContactService.GetAsync"/> the same read built its LINQ
/// tree, looked it up in the query cache and materialised the whole company on every request: more than twice the
/// CPU (bench/notes.md item 20). On PostgreSQL the statement is prepared (<see cref="PreparedReads"/>): planning it
/// on every execution cost PostgreSQL more than the lookup itself (item 25).
/// </summary>
internal static class ContactById
{
    private static readonly Expression<Func<RapportDb, Guid, bool, Guid?, CancellationToken, Contact?>> Query =
        (db, id, all, owner, ct) =>
            db.Contacts
                .TagWith(PreparedReads.Tag)
                .Where(c => c.Id == id && (all || c.OwnerId == owner))
                .Select(ContactProjection.Response)
                .SingleOrDefault();

    // A compiled query serves one model. A process has one (its provider's), but the test suite runs many apps.
    private static readonly ConditionalWeakTable<IModel, Func<RapportDb, Guid, bool, Guid?, CancellationToken, Task<Contact?>>> Compiled = [];

    /// <summary>The contact with its company's id and name, or null when it does not exist or the caller may not read it.</summary>
    public static async Task<Contact?> ReadAsync(RapportDb db, RecordAccess access, Guid id, CancellationToken ct) =>
        access.ReadScope() is { } scope
            ? await Compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(Query))(db, id, scope.All, scope.Owner, ct)
            : null;
}
