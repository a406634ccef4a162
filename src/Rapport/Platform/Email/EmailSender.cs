using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Rapport.Platform.Email;

/// <summary>Sends outbox rows through the configured SMTP server with MailKit, one connection per batch.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    public SmtpOptions Options => options.Value;

    public async Task<EmailConnection> ConnectAsync(CancellationToken ct)
    {
        var smtp = Options;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName) && !string.IsNullOrEmpty(smtp.Password))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
            return new EmailConnection(client, Sender(smtp));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The message as it goes out: text and HTML alternatives, and a Message-Id fixed per row.</summary>
    public static MimeMessage Compose(OutgoingEmail email, MailboxAddress from)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        // The same id on every attempt: should a crash make us send a row twice, mail clients show it once.
        message.MessageId = $"{email.Id:N}@{from.Domain}";
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAt, DateTimeKind.Utc));
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    private static MailboxAddress Sender(SmtpOptions smtp) =>
        MailboxAddress.TryParse(smtp.From, out var from) ? from : new MailboxAddress("Rapport", $"rapport@{smtp.Host}");
}

/// <summary>An open, signed-in SMTP session.</summary>
public sealed class EmailConnection(SmtpClient client, MailboxAddress from) : IAsyncDisposable
{
    public bool IsConnected => client.IsConnected;

    public Task SendAsync(OutgoingEmail email, CancellationToken ct) => client.SendAsync(EmailSender.Compose(email, from), ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
#pragma warning disable CA1031 // The mail went out; a failed QUIT on the way out changes nothing.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        client.Dispose();
    }
}
