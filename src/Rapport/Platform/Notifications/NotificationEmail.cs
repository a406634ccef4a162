using System.Globalization;
using System.Net;
using System.Text;
using Rapport.Platform.Email;

namespace Rapport.Platform.Notifications;

/// <summary>
/// The email of one notification, in plain text and HTML. Every piece of user content (names, record titles, the
/// note's text) is HTML-encoded in the HTML part; the text part is plain text and needs no encoding.
/// </summary>
internal static class NotificationEmail
{
    public const int ExcerptLength = 500;

    public static OutgoingEmail Compose(string toName, string toAddress, EmailDraft draft, string publicUrl, DateTime now)
    {
        var link = publicUrl + draft.Notification.Link;
        var settingsLink = publicUrl + "/settings/notifications";
        var subject = OneLine(draft.Subject);
        var excerpt = Excerpt(draft.Excerpt);
        toName = OneLine(toName);
        return new OutgoingEmail
        {
            ToAddress = toAddress, ToName = toName, Subject = subject.Length <= 400 ? subject : subject[..399] + "…",
            Kind = draft.Notification.Kind, CreatedAt = now, NextAttemptAt = now,
            TextBody = Text(toName, subject, excerpt, link, settingsLink),
            HtmlBody = Html(toName, subject, excerpt, link, settingsLink),
        };
    }

    private static string Text(string toName, string subject, string? excerpt, string link, string settingsLink)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hi {toName},\n\n{subject}.\n\n");
        if (excerpt is not null)
        {
            foreach (var line in excerpt.Split('\n')) text.Append("> ").Append(line).Append('\n');
            text.Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $"Open it in Rapport: {link}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"You get this email because you turned it on in your notification settings: {settingsLink}\n");
        return text.ToString();
    }

    private static string Html(string toName, string subject, string? excerpt, string link, string settingsLink)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>Hi {E(toName)},</p><p>{E(subject)}.</p>");
        if (excerpt is not null)
        {
            html.Append("<blockquote style=\"white-space:pre-wrap;border-left:3px solid #ccc;margin:0;padding-left:12px;color:#444\">")
                .Append(E(excerpt)).Append("</blockquote>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(link)}\">Open it in Rapport</a></p>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p style=\"color:#777;font-size:small\">You get this email because you turned it on in your <a href=\"{E(settingsLink)}\">notification settings</a>.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string? Excerpt(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }

    /// <summary>Headers are one line: a name or title with a line break in it must not start a new header.</summary>
    private static string OneLine(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
