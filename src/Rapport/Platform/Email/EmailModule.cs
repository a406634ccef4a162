using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using Rapport.Platform.Hosting;

namespace Rapport.Platform.Email;

/// <summary>Outgoing email: SMTP settings, the outbox and its worker, and the admins' view of the queue.</summary>
public static class EmailModule
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => !o.Enabled || o.Port is > 0 and < 65536, "Rapport:Smtp:Port must be a TCP port (1-65535).")
            .Validate(o => o.PollSeconds > 0, "Rapport:Smtp:PollSeconds must be at least 1.")
            // A send must end well inside the outbox lease, or another node could claim the row meanwhile.
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 60, "Rapport:Smtp:TimeoutSeconds must be between 1 and 60.")
            .Validate(o => !o.Enabled || string.IsNullOrEmpty(o.From) || MailboxAddress.TryParse(o.From, out _),
                "Rapport:Smtp:From must be an address, e.g. \"Rapport <crm@example.com>\".")
            .Validate<IOptions<RapportOptions>>((o, rapport) => !o.Enabled || IsAbsoluteWebUrl(rapport.Value.PublicUrl),
                "Rapport:Smtp:Host is set, so emails will link to records: set Rapport:PublicUrl to the address people open Rapport at, e.g. https://crm.example.com.")
            .ValidateOnStart();
        return services.AddSingleton<EmailSender>().AddScoped<EmailOutbox>().AddScoped<OutgoingEmailService>()
            .AddHostedService<EmailWorker>();
    }

    public static RouteGroupBuilder MapOutgoingEmails(this RouteGroupBuilder api)
    {
        var emails = api.MapGroup("/outgoing-emails").WithTags("Email");
        emails.MapGet("/", List).WithName("ListOutgoingEmails")
            .WithSummary("The email outbox, newest first, with attempts and the last error (admins)");
        emails.MapPost("/{id:guid}/retry", Retry).WithName("RetryOutgoingEmail")
            .WithSummary("Queue a failed email again with a fresh set of attempts (admins)");
        return api;
    }

    private static Task<IReadOnlyList<OutgoingEmailResponse>> List(
        [FromQuery(Name = "status"), Description("pending, sent or failed; all when absent.")] string? status,
        [FromQuery(Name = "limit"), Description("At most this many, 1 to 200 (default 50).")] int? limit,
        OutgoingEmailService emails, CancellationToken ct) => emails.ListAsync(status, limit, ct);

    private static async Task<NoContent> Retry(Guid id, OutgoingEmailService emails, CancellationToken ct)
    {
        await emails.RetryAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static bool IsAbsoluteWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
