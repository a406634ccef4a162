using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Segments;

/// <summary>
/// Segments for the API and the UI alike. A user sees their own segments and shared ones (admins see all); only the
/// owner or an admin changes one. Creating one needs a role that may create records (not ReadOnly, not a read-only key).
/// </summary>
public sealed class SegmentService(RapportDb db, CurrentActor actor, IServiceProvider services, TimeProvider clock)
{
    public IQueryable<Segment> Readable()
    {
        var segments = db.Set<Segment>().AsQueryable();
        if (actor.IsInRole(Roles.Admin)) return segments;
        var me = actor.UserId;
        return segments.Where(s => s.Shared || s.OwnerId == me);
    }

    public async Task<SegmentList> ListAsync(string? objectType, CancellationToken ct)
    {
        var query = Readable().AsNoTracking();
        if (objectType is not null) query = query.Where(s => s.ObjectType == objectType);
        var segments = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var rows = new List<SegmentResponse>(segments.Count);
        foreach (var segment in segments) rows.Add(await ResponseAsync(segment, ct));
        return new SegmentList(rows);
    }

    public async Task<Segment> GetAsync(Guid id, CancellationToken ct) =>
        await Readable().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Missing(id);

    public async Task<SegmentResponse> ResponseAsync(Segment segment, CancellationToken ct)
    {
        try
        {
            return SegmentResponse.From(segment, await SourceOf(segment).CountAsync(services, segment, ct), null);
        }
        catch (BadRequestException e)
        {
            return SegmentResponse.From(segment, null, e.Message);
        }
    }

    public async Task<Segment> CreateAsync(SegmentInput input, CancellationToken ct)
    {
        if (Permissions.ReachOf(actor.Principal, Operation.Create) == Reach.None)
            throw new ForbiddenException("Your role does not allow you to create segments.");
        var segment = new Segment { OwnerId = actor.UserId };
        await ApplyAsync(segment, input, isNew: true, ct);
        db.Add(segment);
        await db.SaveChangesAsync(ct);
        return segment;
    }

    public async Task<Segment> UpdateAsync(Guid id, int? expectedVersion, Func<SegmentInput, SegmentInput> change, CancellationToken ct)
    {
        var segment = await EditableAsync(id, ct);
        if (expectedVersion is { } v && v != segment.Version)
            throw new PreconditionFailedException($"The segment has changed since version {v} (now {segment.Version}). Reload and reapply.");
        await ApplyAsync(segment, change(SegmentResponse.ToInput(segment)), isNew: false, ct);
        await db.SaveChangesAsync(ct);
        return segment;
    }

    public async Task DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var segment = await EditableAsync(id, ct);
        if (expectedVersion is { } v && v != segment.Version)
            throw new PreconditionFailedException($"The segment has changed since version {v} (now {segment.Version}). Reload before deleting.");
        db.Remove(segment);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Page<object>> MembersAsync(Guid id, ListRequest request, CancellationToken ct)
    {
        var segment = await GetAsync(id, ct);
        return await SourceOf(segment).PageAsync(services, segment, request, ct);
    }

    public async Task<(IReadOnlyList<SegmentMemberRow> Rows, int Total)> MemberRowsAsync(Guid id, int skip, int take, CancellationToken ct)
    {
        var segment = await GetAsync(id, ct);
        return await SourceOf(segment).OffsetPageAsync(services, segment, skip, take, ct);
    }

    /// <summary>Adds records the caller can read to a static segment; others are skipped without saying why.</summary>
    public async Task<SegmentMembersResponse> AddMembersAsync(Guid id, SegmentMembersRequest request, CancellationToken ct)
    {
        var (segment, source, ids) = await MembershipChangeAsync(id, request, ct);
        var readable = await source.ReadableAsync(services, ids, ct);
        var present = await db.Set<SegmentMember>().Where(m => m.SegmentId == id && readable.Contains(m.RecordId))
            .Select(m => m.RecordId).ToListAsync(ct);
        var now = Timestamps.UtcNow(clock);
        var added = readable.Except(present).ToList();
        db.AddRange(added.Select(r => new SegmentMember { SegmentId = id, RecordId = r, AddedAt = now, AddedById = actor.UserId }));
        await db.SaveChangesAsync(ct);
        return new SegmentMembersResponse(added.Count, 0, ids.Except(readable).ToList(), await source.CountAsync(services, segment, ct));
    }

    public async Task<SegmentMembersResponse> RemoveMembersAsync(Guid id, SegmentMembersRequest request, CancellationToken ct)
    {
        var (segment, source, ids) = await MembershipChangeAsync(id, request, ct);
        var readable = await source.ReadableAsync(services, ids, ct);
        var removed = await db.Set<SegmentMember>().Where(m => m.SegmentId == id && readable.Contains(m.RecordId)).ExecuteDeleteAsync(ct);
        return new SegmentMembersResponse(0, removed, ids.Except(readable).ToList(), await source.CountAsync(services, segment, ct));
    }

    public static SegmentSource SourceOf(Segment segment) =>
        SegmentSources.Named(segment.ObjectType) ?? throw new InvalidOperationException($"No segment source '{segment.ObjectType}'.");

    /// <summary>Whether the caller may change this segment (a hint for the UI; the service checks again).</summary>
    public bool MayEdit(Segment segment) => CanEdit(segment);

    private async Task<(Segment, SegmentSource, List<Guid>)> MembershipChangeAsync(Guid id, SegmentMembersRequest request, CancellationToken ct)
    {
        var segment = await EditableAsync(id, ct);
        if (segment.Kind != SegmentKind.Static)
            throw new ConflictException("Members are added to and removed from static segments only; a dynamic segment's members follow its filter.");
        var ids = (request.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) throw RequestValidationException.For("ids", "Name at least one record.");
        if (ids.Count > SegmentMembersRequest.MaxIds)
            throw RequestValidationException.For("ids", $"At most {SegmentMembersRequest.MaxIds} records at a time.");
        return (segment, SourceOf(segment), ids);
    }

    private async Task<Segment> EditableAsync(Guid id, CancellationToken ct)
    {
        var segment = await Readable().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Missing(id);
        if (!CanEdit(segment))
            throw new ForbiddenException("Only the segment's owner or an admin may change it.");
        return segment;
    }

    private bool CanEdit(Segment segment) =>
        Permissions.ReachOf(actor.Principal, Operation.Edit) != Reach.None
        && (actor.IsInRole(Roles.Admin) || (segment.OwnerId is { } owner && owner == actor.UserId));

    private async Task ApplyAsync(Segment segment, SegmentInput input, bool isNew, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var objectType = input.ObjectType ?? (isNew ? "contacts" : segment.ObjectType);
        var kind = input.Kind ?? (isNew ? SegmentKind.Dynamic : segment.Kind);
        var source = SegmentSources.Named(objectType);
        if (source is null)
            errors["objectType"] = [$"objectType must be one of {string.Join(", ", SegmentSources.All.Select(s => s.ObjectType))}."];
        else if (!isNew && !source.ObjectType.Equals(segment.ObjectType, StringComparison.Ordinal))
            errors["objectType"] = ["objectType cannot change; create another segment."];
        if (!isNew && kind != segment.Kind) errors["kind"] = ["kind cannot change; create another segment."];
        var filter = string.IsNullOrWhiteSpace(input.Filter) ? null : input.Filter.Trim();
        var q = string.IsNullOrWhiteSpace(input.Q) ? null : input.Q.Trim();
        if (kind == SegmentKind.Static && (filter is not null || q is not null))
            errors[filter is not null ? "filter" : "q"] = ["A static segment holds the records added to it; it has no filter or q."];
        if (input.Name is not null && input.Name.Trim().Length == 0) errors["name"] = ["name cannot be blank."];
        RequestValidator.ThrowIfInvalid(input, errors);
        // The member query is built now, with the list's parser and fields: a filter the list would refuse is a 400 here.
        await source!.ValidateAsync(services, filter, q, ct);

        segment.Name = input.Name!.Trim();
        segment.ObjectType = source.ObjectType;
        segment.Kind = kind;
        segment.Filter = filter;
        segment.Q = q;
        segment.Shared = input.Shared ?? (!isNew && segment.Shared);
    }

    private static NotFoundException Missing(Guid id) => new($"No segment with id {id} that you can see.");
}
