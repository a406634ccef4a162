using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities;

/// <summary>
/// Who sees and changes which activities. Roles that reach all records see every activity. A role that reaches
/// only its own records (Sales) sees an activity when it owns it, is its assignee or a meeting attendee, or the
/// activity is linked to a record it can see; it edits activities it owns or is assigned, and deletes only its own.
/// </summary>
public sealed class ActivityAccess(CurrentActor actor, RapportDb db, LinkTargets targets)
{
    public IQueryable<Activity> Readable()
    {
        switch (Permissions.ReachOf(actor.Principal, Operation.Read))
        {
            case Reach.All:
                return db.Activities;
            case Reach.Own:
                var me = actor.UserId ?? Guid.Empty;
                var linked = targets.ActivitiesLinkedToReadable();
                return db.Activities.Where(a => a.OwnerId == me || a.AssigneeId == me
                    || a.AttendeeUserIds.Contains(me) || linked.Contains(a.Id));
            default:
                return db.Activities.Where(_ => false);
        }
    }

    /// <summary>Throws 403 unless the caller may do <paramref name="operation"/> to this activity.</summary>
    public void Demand(Activity activity, Operation operation)
    {
        var reach = Permissions.ReachOf(actor.Principal, operation);
        if (reach == Reach.All) return;
        var me = actor.UserId;
        if (reach == Reach.Own && me is not null
            && (activity.OwnerId == me || (operation == Operation.Edit && activity.AssigneeId == me))) return;
        var verb = operation.ToString().ToLowerInvariant();
        throw new ForbiddenException(reach == Reach.Own
            ? $"You may only {verb} activities you own{(operation == Operation.Edit ? " or are assigned" : "")}."
            : $"Your role does not allow you to {verb} activities.");
    }
}
