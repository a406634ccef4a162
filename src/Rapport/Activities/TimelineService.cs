using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities;

/// <summary>What to narrow a timeline to: kinds and channels, each a comma-separated list of JSON names.</summary>
public sealed record TimelineRequest(string? Type, string? Channel, int? Limit, string? Cursor);

/// <summary>
/// The merged, newest-first timelines of a record, and the caller's open tasks. Every query starts from
/// <see cref="ActivityAccess.Readable"/>, so a timeline never shows an activity its reader could not open.
/// </summary>
public sealed class TimelineService(RapportDb db, RecordAccess records, ActivityAccess access, ListQuery lists,
    CurrentActor actor, TimeProvider clock)
{
    public const string TimelineSort = "-occurredAt";
    public const string MyTasksSort = "dueAt,-priority";

    public async Task<Page<ActivityResponse>> ForContactAsync(Guid contactId, TimelineRequest request, CancellationToken ct) =>
        await PageAsync(await OfRecordAsync(LinkedRecordType.Contact, contactId, ct), request, ct);

    /// <summary>The company's own activities and those of its contacts, each once.</summary>
    public async Task<Page<ActivityResponse>> ForCompanyAsync(Guid companyId, TimelineRequest request, CancellationToken ct) =>
        await PageAsync(await OfRecordAsync(LinkedRecordType.Company, companyId, ct), request, ct);

    public async Task<Page<ActivityResponse>> ForRecordAsync(LinkedRecordType type, Guid id, TimelineRequest request, CancellationToken ct) =>
        await PageAsync(await OfRecordAsync(type, id, ct), request, ct);

    /// <summary>
    /// The open tasks on a record's timeline (a company's include its contacts'), soonest due first and undated last,
    /// with how many there are in all: the 360° page's task panel.
    /// </summary>
    public async Task<OpenTasksResponse> OpenTasksAsync(LinkedRecordType type, Guid id, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = (await OfRecordAsync(type, id, ct)).Where(a => a.Type == ActivityType.Task && !a.Done);
        var total = await open.CountAsync(ct);
        var rows = await open.AsNoTracking()
            .OrderBy(a => a.DueAt == null).ThenBy(a => a.DueAt).ThenByDescending(a => a.Priority).ThenBy(a => a.Id)
            .Take(limit)
            .Select(a => new OpenTaskResponse(a.Id, a.Subject, a.DueAt, a.DueAt < now, a.Priority ?? TaskPriority.Normal,
                a.AssigneeId, a.Version))
            .ToListAsync(ct);
        return new OpenTasksResponse(total, rows);
    }

    /// <summary>The activities on a record's timeline, after checking the caller may see the record (404 otherwise).</summary>
    private async Task<IQueryable<Activity>> OfRecordAsync(LinkedRecordType type, Guid id, CancellationToken ct)
    {
        switch (type)
        {
            case LinkedRecordType.Contact:
            {
                if (!await records.Readable(db.Contacts).AnyAsync(c => c.Id == id, ct))
                    throw new NotFoundException($"No contact with id {id} that you can see.");
                var linked = db.ActivityLinks.Where(l => l.RecordType == LinkedRecordType.Contact && l.RecordId == id)
                    .Select(l => l.ActivityId);
                return access.Readable().Where(a => linked.Contains(a.Id));
            }
            case LinkedRecordType.Company:
            {
                if (!await records.Readable(db.Companies).AnyAsync(c => c.Id == id, ct))
                    throw new NotFoundException($"No company with id {id} that you can see.");
                var contacts = db.Contacts.Where(c => c.CompanyId == id).Select(c => c.Id);
                var linked = db.ActivityLinks.Where(l =>
                        (l.RecordType == LinkedRecordType.Company && l.RecordId == id)
                        || (l.RecordType == LinkedRecordType.Contact && contacts.Contains(l.RecordId)))
                    .Select(l => l.ActivityId);
                return access.Readable().Where(a => linked.Contains(a.Id));
            }
            default:
                throw new NotFoundException($"{type} records have no timeline.");
        }
    }

    /// <summary>Every activity the caller can see, newest first: the workspace's activity stream.</summary>
    public Task<Page<ActivityResponse>> EverythingAsync(TimelineRequest request, CancellationToken ct) =>
        PageAsync(access.Readable(), request, ct);

    /// <summary>Open tasks assigned to the caller, soonest due first (so overdue ones lead), undated last.</summary>
    public Task<Page<MyTaskResponse>> MyTasksAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var me = actor.UserId ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Activities.Where(a => a.Type == ActivityType.Task && !a.Done && a.AssigneeId == me);
        return lists.PageAsync(open, new ListRequest(null, MyTasksSort, null, limit, cursor), ActivityFields.All, MyTasksSort,
            a => new MyTaskResponse(a.Id, a.Subject, a.DueAt, a.DueAt < now, a.Priority ?? TaskPriority.Normal, a.RemindAt,
                a.OwnerId, a.Links, a.Version), ct);
    }

    private Task<Page<ActivityResponse>> PageAsync(IQueryable<Activity> query, TimelineRequest request, CancellationToken ct)
    {
        var types = ParseList<ActivityType>(request.Type, "type");
        var channels = ParseList<ActivityChannel>(request.Channel, "channel");
        if (types.Count > 0) query = query.Where(a => types.Contains(a.Type));
        if (channels.Count > 0) query = query.Where(a => channels.Contains(a.Channel));
        return lists.PageAsync(query, new ListRequest(null, TimelineSort, null, request.Limit, request.Cursor),
            ActivityFields.All, TimelineSort, ActivityResponse.From, ct);
    }

    private static List<T> ParseList<T>(string? text, string parameter) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<T>(part.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) || !Enum.IsDefined(value) || part.Any(char.IsDigit))
                throw RequestValidationException.For(parameter, $"{parameter} takes a comma-separated list of "
                    + string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + ".");
            values.Add(value);
        }
        return values.Distinct().ToList();
    }
}
