using System.Globalization;
using System.Text;

namespace Rapport.Activities.Calendar;

/// <summary>
/// Writes RFC 5545 content lines: CRLF endings, lines folded at 75 octets without splitting a character,
/// TEXT values escaped (backslash, semicolon, comma, newline) and control characters dropped.
/// </summary>
public sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder output = new();

    public IcsWriter Line(string nameAndParameters, string value)
    {
        Fold($"{nameAndParameters}:{value}");
        return this;
    }

    public IcsWriter Text(string name, string? value) =>
        string.IsNullOrEmpty(value) ? this : Line(name, EscapeText(value));

    public IcsWriter Time(string name, DateTime utc) => Line(name, Format(utc));

    public static string Format(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string EscapeText(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    text.Append(@"\n");
                    break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(c); break;
                default:
                    if (!char.IsControl(c)) text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>A parameter value (e.g. CN=): quoted, and without the characters a quoted value cannot hold.</summary>
    public static string Quoted(string value) =>
        "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    public override string ToString() => output.ToString();

    private void Fold(string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > MaxOctets)
            {
                output.Append("\r\n ");
                octets = 1; // the leading space of the continuation line counts
            }
            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        output.Append("\r\n");
    }
}
