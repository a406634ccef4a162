using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities;

/// <summary>Every change to activities, from the API and the UI alike, with permission checks and validation.</summary>
public sealed class ActivityService(RapportDb db, ActivityAccess access, ActivityRules rules, ListQuery lists)
    : IRecordService<Activity, ActivityInput, ActivityResponse>
{
    public IQueryable<Activity> Readable() => access.Readable();

    public Task<Page<ActivityResponse>> ListAsync(ListRequest request, CancellationToken ct) =>
        lists.PageAsync(Readable(), request, ActivityFields.All, ActivityFields.DefaultSort, ActivityResponse.From, ct);

    public async Task<Activity> GetAsync(Guid id, CancellationToken ct) =>
        await Readable().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw Missing(id);

    public async Task<Activity> CreateAsync(ActivityInput input, CancellationToken ct)
    {
        var activity = new Activity();
        await rules.ApplyAsync(activity, input, isNew: true, ct);
        access.Demand(activity, Operation.Create);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    public async Task<Activity> UpdateAsync(Guid id, int? expectedVersion, Func<ActivityInput, ActivityInput> change, CancellationToken ct)
    {
        var activity = await Readable().Include(a => a.LinkRows).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw Missing(id);
        access.Demand(activity, Operation.Edit);
        if (expectedVersion is { } v && v != activity.Version)
            throw new PreconditionFailedException($"The activity has changed since version {v} (now {activity.Version}). Reload and reapply.");
        await rules.ApplyAsync(activity, change(ActivityResponse.ToInput(activity)), isNew: false, ct);
        access.Demand(activity, Operation.Edit);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    public async Task DeleteAsync(Guid id, Action<Activity>? precondition, CancellationToken ct)
    {
        var activity = await Readable().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw Missing(id);
        access.Demand(activity, Operation.Delete);
        precondition?.Invoke(activity);
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid id, CancellationToken ct)
    {
        if (!await Readable().AnyAsync(a => a.Id == id, ct)) throw Missing(id);
        return await History.ForAsync<Activity>(db, id, ct);
    }

    /// <summary>
    /// Re-points every activity linked to record <paramref name="from"/> at <paramref name="to"/> (and meeting
    /// attendees, for contacts), for merging two records. Not narrowed to what the caller sees: the merge has
    /// checked its rights on both records, and every activity must move. The caller saves, in its transaction.
    /// </summary>
    public async Task<int> MoveLinksAsync(LinkedRecordType type, Guid from, Guid to, CancellationToken ct)
    {
        var activities = await db.Activities.Include(a => a.LinkRows)
            .Where(a => a.LinkRows.Any(l => l.RecordType == type && l.RecordId == from)
                || (type == LinkedRecordType.Contact && a.AttendeeContactIds.Contains(from)))
            .ToListAsync(ct);
        var old = new RecordLink(type, from);
        foreach (var activity in activities)
        {
            ActivityRules.SetLinks(activity, activity.Links.Select(l => l == old ? new RecordLink(type, to) : l).Distinct().ToList());
            if (type == LinkedRecordType.Contact && activity.AttendeeContactIds.Contains(from))
                activity.AttendeeContactIds = activity.AttendeeContactIds.Select(c => c == from ? to : c).Distinct().ToList();
        }
        return activities.Count;
    }

    internal static NotFoundException Missing(Guid id) => new($"No activity with id {id} that you can see.");
}
