using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Data;

namespace Rapport.Platform.Auth;

/// <summary>
/// Record-level access for owned CRM records: every query a caller runs goes through <see cref="Readable{T}"/>,
/// and every write through <see cref="Demand{T}"/>. A record the caller may not read is reported as missing (404),
/// so ids of other people's records reveal nothing.
/// </summary>
public sealed class RecordAccess(CurrentActor actor, RapportDb db)
{
    public IQueryable<T> Readable<T>(IQueryable<T> query) where T : Entity, IOwned => Within(query, Operation.Read);

    public IQueryable<T> Within<T>(IQueryable<T> query, Operation operation) where T : Entity, IOwned =>
        Permissions.ReachOf(actor.Principal, operation) switch
        {
            Reach.All => query,
            Reach.Own => query.Where(OwnedBy<T>(actor.UserId)),
            _ => query.Where(_ => false),
        };

    /// <summary>
    /// The caller's read reach as plain values, for compiled queries (which cannot take <see cref="Readable{T}"/>'s
    /// expression): null when the caller may read none; otherwise every record, or only those owned by Owner.
    /// </summary>
    public ReadScope? ReadScope() => Permissions.ReachOf(actor.Principal, Operation.Read) switch
    {
        Reach.All => new ReadScope(true, null),
        Reach.Own when actor.UserId is { } me => new ReadScope(false, me),
        _ => null,
    };

    /// <summary>Whether the caller may read a record with this owner (used for records that no longer exist).</summary>
    public bool MayRead(Guid? ownerId) => Permissions.ReachOf(actor.Principal, Operation.Read) switch
    {
        Reach.All => true,
        Reach.Own => ownerId is { } owner && owner == actor.UserId,
        _ => false,
    };

    /// <summary>Throws 403 unless the caller may do <paramref name="operation"/> to this record.</summary>
    public void Demand<T>(T record, Operation operation, string what) where T : Entity, IOwned
    {
        var reach = Permissions.ReachOf(actor.Principal, operation);
        if (reach == Reach.All || (reach == Reach.Own && record.OwnerId is { } owner && owner == actor.UserId)) return;
        throw new ForbiddenException(reach == Reach.Own
            ? $"You may only {Verb(operation)} {what} records you own."
            : $"Your role does not allow you to {Verb(operation)} {what} records.");
    }

    /// <summary>Checks that an owner named in a request is an active user the caller may assign.</summary>
    public async Task<Guid?> ResolveOwnerAsync(Guid? requested, bool isNew, Guid? current, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        var owner = requested ?? (isNew ? actor.UserId : null);
        if (owner is null || owner == current) return owner;
        if (!await db.Users.AnyAsync(u => u.Id == owner && u.IsActive, ct))
        {
            errors["ownerId"] = ["ownerId does not name an active user."];
            return owner;
        }
        var reach = Permissions.ReachOf(actor.Principal, isNew ? Operation.Create : Operation.Edit);
        if (reach == Reach.Own && owner != actor.UserId)
            throw new ForbiddenException("Your role may only assign records to yourself.");
        return owner;
    }

    private static Expression<Func<T, bool>> OwnedBy<T>(Guid? userId) where T : IOwned
    {
        var record = Expression.Parameter(typeof(T), "r");
        var owner = Expression.Property(record, nameof(IOwned.OwnerId));
        var body = Expression.Equal(owner, Api.Listing.FilterOperators.Parameter(userId, typeof(Guid?)));
        return Expression.Lambda<Func<T, bool>>(body, record);
    }

    private static string Verb(Operation operation) => operation.ToString().ToLowerInvariant();
}

/// <summary>What a caller may read, as compiled-query parameters: every record, or those owned by <see cref="Owner"/>.</summary>
public readonly record struct ReadScope(bool All, Guid? Owner);
