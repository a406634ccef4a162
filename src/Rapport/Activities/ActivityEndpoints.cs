using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Activities.Calendar;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;

namespace Rapport.Activities;

/// <summary>The timeline query string, bound with [AsParameters] so OpenAPI documents each member.</summary>
public sealed class TimelineParameters
{
    [Description("Comma-separated kinds: note, task, call, meeting, email.")]
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    [Description("Comma-separated channels: email, phone, chat, social, inPerson, web, other.")]
    [FromQuery(Name = "channel")]
    public string? Channel { get; init; }

    [Description("Page size, 1 to 200 (default 50).")]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [Description("The nextCursor of the previous page.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    public TimelineRequest ToRequest() => new(Type, Channel, Limit, Cursor);
}

/// <summary>Routes beyond the standard record routes: timelines, a meeting's .ics, and the caller's own tasks and feed.</summary>
public static class ActivityEndpoints
{
    public static void MapActivityExtras(RouteGroupBuilder activities, RouteGroupBuilder api)
    {
        activities.MapGet("/{id:guid}/ics", MeetingIcs).WithName("GetActivityIcs")
            .WithSummary("A meeting as an iCalendar (.ics) file").Produces<string>(200, "text/calendar");
        api.MapGet("/contacts/{id:guid}/timeline", ContactTimeline).WithTags("Activities").WithName("GetContactTimeline")
            .WithSummary("A contact's activities, newest first");
        api.MapGet("/companies/{id:guid}/timeline", CompanyTimeline).WithTags("Activities").WithName("GetCompanyTimeline")
            .WithSummary("A company's activities and its contacts' activities, newest first");
        api.MapGet("/me/tasks", MyTasks).WithTags("Activities").WithName("ListMyTasks")
            .WithSummary("Open tasks assigned to the caller, soonest due (overdue) first");
        api.MapPost("/me/calendar-feed", RotateFeed).WithTags("Activities").WithName("RotateCalendarFeed")
            .WithSummary("Create or replace the caller's calendar subscription URL (shown once)");
        api.MapDelete("/me/calendar-feed", RevokeFeed).WithTags("Activities").WithName("RevokeCalendarFeed")
            .WithSummary("Stop the caller's calendar subscription URL from working");
    }

    private static Task<Page<ActivityResponse>> ContactTimeline(Guid id, [AsParameters] TimelineParameters query,
        TimelineService timelines, CancellationToken ct) => timelines.ForContactAsync(id, query.ToRequest(), ct);

    private static Task<Page<ActivityResponse>> CompanyTimeline(Guid id, [AsParameters] TimelineParameters query,
        TimelineService timelines, CancellationToken ct) => timelines.ForCompanyAsync(id, query.ToRequest(), ct);

    private static Task<Page<MyTaskResponse>> MyTasks([FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "cursor")] string? cursor,
        TimelineService timelines, CancellationToken ct) => timelines.MyTasksAsync(limit, cursor, ct);

    private static async Task<FileContentHttpResult> MeetingIcs(Guid id, ActivityService activities, ActivityCalendar calendar,
        CancellationToken ct)
    {
        var activity = await activities.GetAsync(id, ct);
        if (activity.Type != ActivityType.Meeting)
            throw new NotFoundException($"Activity {id} is a {activity.Type.ToString().ToLowerInvariant()}; only meetings have an .ics file.");
        var ics = await calendar.MeetingAsync(activity, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), ActivityCalendar.MediaType, $"meeting-{id}.ics");
    }

    private static async Task<Ok<CalendarFeedResponse>> RotateFeed(CurrentActor actor, CalendarFeedService feeds,
        HttpContext http, CancellationToken ct)
    {
        DemandWritableKey(actor);
        var (token, created) = await feeds.RotateAsync(actor.UserId!.Value, ct);
        var request = http.Request;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CalendarFeedResponse($"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{token}.ics", created));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeFeed(CurrentActor actor, CalendarFeedService feeds, CancellationToken ct)
    {
        DemandWritableKey(actor);
        return await feeds.RevokeAsync(actor.UserId!.Value, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Any role may have a feed of its own meetings and tasks, but a read-only key changes nothing.</summary>
    private static void DemandWritableKey(CurrentActor actor)
    {
        if (actor.Principal.FindFirst(RapportClaims.ApiScope)?.Value == Platform.Auth.ApiKeys.ApiKeyScope.Read)
            throw new ForbiddenException("A read-only API key cannot change the calendar feed.");
    }

    /// <summary>The subscription URL itself: no API key (calendar apps cannot send one), the token is the secret.</summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token,
                CalendarFeedService feeds, ActivityCalendar calendar, HttpContext http, CancellationToken ct) =>
            {
                if (await feeds.OwnerOfAsync(token, ct) is not { } user) return TypedResults.NotFound();
                var ics = await calendar.FeedAsync(user.Id, $"Rapport – {user.Name}", ct);
                http.Response.Headers.CacheControl = "private, max-age=300";
                return TypedResults.File(Encoding.UTF8.GetBytes(ics), ActivityCalendar.MediaType);
            })
            .AllowAnonymous().WithTags("Activities").WithName("GetCalendarFeed")
            .WithSummary("A user's meetings and open tasks as an iCalendar feed (subscribe by URL)");
        return app;
    }
}
