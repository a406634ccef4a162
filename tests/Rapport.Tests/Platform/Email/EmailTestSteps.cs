using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Email;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Email;

/// <summary>Intent methods for the email tests: a person's settings, the outbox drained as a node would, the rows it holds.</summary>
public static class EmailTestSteps
{
    public static string Handle(ApiUser user) => "@" + user.Email.Split('@')[0];

    public static async Task SetEmailSettingsAsync(this ApiUser user, bool onMention, bool onFollowedChange)
    {
        var response = await user.Client.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { emailOnMention = onMention, emailOnFollowedChange = onFollowedChange }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One drain of the outbox in a scope of its own, as the email worker of one app node runs it.</summary>
    public static Task<int> DrainOutboxAsync(this RapportApp app) =>
        app.WithServicesAsync(services => services.GetRequiredService<EmailOutbox>().SendDueAsync(CancellationToken.None));

    public static Task<List<OutgoingEmail>> OutboxRowsToAsync(this RapportApp app, string address) =>
        app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.ToAddress == address).ToListAsync());

    /// <summary>Moves the row's next attempt to now, as if its backoff had run out.</summary>
    public static Task<int> MakeDueAsync(this RapportApp app, Guid id, int? attempts = null) =>
        app.WithDbAsync(async db =>
        {
            var row = await db.OutgoingEmails.SingleAsync(e => e.Id == id);
            return await db.OutgoingEmails.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.NextAttemptAt, DateTime.UnixEpoch)
                .SetProperty(e => e.Attempts, attempts ?? row.Attempts));
        });

    public static Task<string> DisplayNameAsync(this RapportApp app, ApiUser user) =>
        app.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.DisplayName);
}
