using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;

namespace Rapport.Platform.Notifications;

public static class NotificationEndpoints
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddScoped<NotificationService>().AddScoped<NotificationSettingsService>().AddSingleton<NotificationEmails>();

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/notifications").WithTags("Notifications");
        me.MapGet("/", List).WithName("ListMyNotifications")
            .WithSummary("The caller's notifications, unread first, then newest; with the unread count");
        me.MapPost("/{id:guid}/read", Read).WithName("MarkNotificationRead").WithSummary("Mark one notification read");
        me.MapPost("/read-all", ReadAll).WithName("MarkAllNotificationsRead").WithSummary("Mark all the caller's notifications read");
        var settings = api.MapGroup("/me/notification-settings").WithTags("Notifications");
        settings.MapGet("/", (NotificationSettingsService s, CancellationToken ct) => s.GetAsync(ct)).WithName("GetMyNotificationSettings")
            .WithSummary("Which notifications also reach the caller by email (all off until the caller turns them on)");
        settings.MapPut("/", SaveSettings).WithName("UpdateMyNotificationSettings")
            .WithSummary("Replace the caller's notification settings; both members are required")
            .Accepts<NotificationSettingsInput>("application/json");
        foreach (var followable in Followables.All)
        {
            api.MapPost($"/{followable.Plural}/{{id:guid}}/follow", (Guid id, NotificationService n, CancellationToken ct) => Follow(followable, id, n, ct))
                .WithTags("Notifications").WithName($"Follow{followable.Type}")
                .WithSummary($"Follow a {followable.Type}: be notified when someone else changes it");
            api.MapDelete($"/{followable.Plural}/{{id:guid}}/follow", (Guid id, NotificationService n, CancellationToken ct) => Unfollow(followable, id, n, ct))
                .WithTags("Notifications").WithName($"Unfollow{followable.Type}")
                .WithSummary($"Stop following a {followable.Type}");
        }
        return api;
    }

    private static Task<NotificationPage> List(
        [FromQuery(Name = "limit"), Description("Page size, 1 to 200 (default 20).")] int? limit,
        [FromQuery(Name = "cursor"), Description("The nextCursor of the previous page.")] string? cursor,
        NotificationService notifications, CancellationToken ct) => notifications.ListAsync(limit, cursor, ct);

    private static async Task<NotificationSettingsResponse> SaveSettings(HttpContext http, NotificationSettingsService settings, CancellationToken ct) =>
        await settings.SaveAsync(await JsonBody.ReadAsync<NotificationSettingsInput>(http.Request, ct), ct);

    private static async Task<Results<NoContent, NotFound>> Read(Guid id, NotificationService notifications, CancellationToken ct) =>
        await notifications.MarkReadAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> ReadAll(NotificationService notifications, CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Follow(Followable followable, Guid id, NotificationService notifications, CancellationToken ct)
    {
        await notifications.FollowAsync(followable, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Unfollow(Followable followable, Guid id, NotificationService notifications, CancellationToken ct)
    {
        await notifications.UnfollowAsync(followable, id, ct);
        return TypedResults.NoContent();
    }
}
