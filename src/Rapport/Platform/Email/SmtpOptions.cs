using MailKit.Security;

namespace Rapport.Platform.Email;

/// <summary>
/// The "Rapport:Smtp" configuration section. Without a <see cref="Host"/> email is off: nothing is queued, nothing is
/// sent, and nothing fails.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Rapport:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Sign in with these when both are set; many relays on a private network need none.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, as "Rapport &lt;crm@example.com&gt;" or a bare address.</summary>
    public string? From { get; set; }

    /// <summary>
    /// MailKit's choice of transport security: Auto (TLS on port 465, STARTTLS when offered elsewhere), None,
    /// SslOnConnect, StartTls (required) or StartTlsWhenAvailable.
    /// </summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Shorthand for operators: true demands TLS (SslOnConnect on port 465, StartTls elsewhere), false turns it off.</summary>
    public bool? UseTls { get; set; }

    /// <summary>How long one SMTP step may take. Kept well under the outbox lease, so a slow server cannot make two nodes send.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How often each node looks for queued emails that are due.</summary>
    public int PollSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions Security => UseTls switch
    {
        true => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        false => SecureSocketOptions.None,
        null => SecureSocketOptions,
    };
}
