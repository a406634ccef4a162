using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Notifications;

public sealed record NotificationSettingsResponse(bool EmailOnMention, bool EmailOnFollowedChange);

/// <summary>The whole settings document: both members are required, so a client cannot turn one off by forgetting it.</summary>
public sealed record NotificationSettingsInput(
    [property: Required(ErrorMessage = "Say true or false.")] bool? EmailOnMention,
    [property: Required(ErrorMessage = "Say true or false.")] bool? EmailOnFollowedChange);

/// <summary>The caller's own notification settings; nobody reads or changes another user's.</summary>
public sealed class NotificationSettingsService(RapportDb db, CurrentActor actor, TimeProvider clock)
{
    private Guid Me => actor.UserId ?? throw new ForbiddenException("Only a signed-in user has notification settings.");

    public async Task<NotificationSettingsResponse> GetAsync(CancellationToken ct)
    {
        var me = Me;
        var settings = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct)
            ?? new NotificationSettings();
        return new NotificationSettingsResponse(settings.EmailOnMention, settings.EmailOnFollowedChange);
    }

    public async Task<NotificationSettingsResponse> SaveAsync(NotificationSettingsInput input, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(input);
        var me = Me;
        // Which emails someone receives is a change like any other: a read-only key makes none.
        if (actor.Principal.FindFirst(RapportClaims.ApiScope)?.Value == Auth.ApiKeys.ApiKeyScope.Read)
            throw new ForbiddenException("A read-only API key cannot change notification settings.");
        for (var attempt = 1; ; attempt++)
        {
            var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == me, ct);
            if (settings is null) db.NotificationSettings.Add(settings = new NotificationSettings { UserId = me });
            settings.EmailOnMention = input.EmailOnMention!.Value;
            settings.EmailOnFollowedChange = input.EmailOnFollowedChange!.Value;
            settings.UpdatedAt = Timestamps.UtcNow(clock);
            try
            {
                await db.SaveChangesAsync(ct);
                return new NotificationSettingsResponse(settings.EmailOnMention, settings.EmailOnFollowedChange);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Two first saves raced and the other inserted the row: save again as an update of it.
                db.ChangeTracker.Clear();
            }
        }
    }
}
