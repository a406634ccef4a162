using Microsoft.AspNetCore.Hosting;

namespace Rapport.Tests.Infrastructure;

internal static class MailSettings
{
    public const string PublicUrl = "https://crm.example.test";

    public static void Apply(IWebHostBuilder builder, SmtpTestServer smtp)
    {
        builder.UseSetting("Rapport:PublicUrl", PublicUrl);
        builder.UseSetting("Rapport:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Rapport:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Rapport:Smtp:From", "Rapport <crm@example.test>");
        builder.UseSetting("Rapport:Smtp:UseTls", "false");
        builder.UseSetting("Rapport:Smtp:TimeoutSeconds", "10");
        // The tests drain the outbox themselves, as a second node would; the app's own worker stays out of their way.
        builder.UseSetting("Rapport:Smtp:PollSeconds", "3600");
    }
}

/// <summary>An app with email on, sending through an SMTP server of its own.</summary>
public sealed class SqliteMailApp : SqliteApp
{
    public SqliteMailApp() => Smtp = new SmtpTestServer();
}

public sealed class PostgresMailApp : PostgresApp
{
    public PostgresMailApp() => Smtp = new SmtpTestServer();
}
