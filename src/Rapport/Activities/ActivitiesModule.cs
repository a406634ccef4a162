using Rapport.Activities.Calendar;
using Rapport.Activities.Demo;
using Rapport.Activities.Import;
using Rapport.Activities.Reminders;
using Rapport.Activities.Pages;
using Rapport.Platform.Api;
using Rapport.Platform.Records;
using Rapport.Platform.Search.Global;

namespace Rapport.Activities;

/// <summary>Notes, tasks, calls, meetings and logged emails, linked to records and merged into their timelines.</summary>
public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) =>
        services.AddScoped<LinkTargets>()
            .AddScoped<ActivityAccess>()
            .AddScoped<ActivityRules>()
            .AddScoped<ActivityService>()
            .AddScoped<TimelineService>()
            .AddScoped<ActivityCalendar>()
            .AddScoped<CalendarFeedService>()
            .AddScoped<ActivityDemoSeeder>()
            .AddScoped<TaskReminders>()
            .AddScoped<ActivityImporter>()
            .AddHostedService<ReminderWorker>()
            .AddSearchProvider<ActivitySearch>()
            .AddRecordPanel(new RecordPanel("openTasks", "Open tasks", 10,
                new HashSet<LinkedRecordType> { LinkedRecordType.Contact, LinkedRecordType.Company }, typeof(OpenTasksPanel),
                async (services, type, id, ct) => await services.GetRequiredService<TimelineService>()
                    .OpenTasksAsync(type, id, OpenTasksPanel.Shown, ct)));

    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder api)
    {
        var activities = api.MapRecords<ActivityService, Activity, ActivityInput, ActivityResponse>(
            "/activities", "activity", "Activities", ActivityResponse.From);
        ActivityEndpoints.MapActivityExtras(activities, api);
        return api;
    }
}
