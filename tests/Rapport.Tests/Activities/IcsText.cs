using System.Text;

namespace Rapport.Tests.Activities;

/// <summary>A strict little reader of RFC 5545 text, so tests check structure rather than substrings.</summary>
public static class IcsText
{
    public sealed record Property(string Name, string Parameters, string Value);

    public static List<Property> Parse(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = ics[..^2].Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ')) logical[^1] += line[1..];
            else logical.Add(line);
        }
        var properties = logical.Select(ParseLine).ToList();
        var open = new Stack<string>();
        foreach (var p in properties)
        {
            if (p.Name == "BEGIN") open.Push(p.Value);
            if (p.Name == "END") Assert.Equal(open.Pop(), p.Value);
        }
        Assert.Empty(open);
        Assert.Equal(new Property("BEGIN", "", "VCALENDAR"), properties[0]);
        Assert.Equal(new Property("END", "", "VCALENDAR"), properties[^1]);
        Assert.Contains(new Property("VERSION", "", "2.0"), properties);
        Assert.Contains(properties, p => p.Name == "PRODID");
        return properties;
    }

    private static Property ParseLine(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            if (line[i] == ':' && !quoted)
            {
                var head = line[..i];
                var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                return semicolon < 0
                    ? new Property(head, "", line[(i + 1)..])
                    : new Property(head[..semicolon], head[(semicolon + 1)..], line[(i + 1)..]);
            }
        }
        throw new InvalidOperationException($"Not a content line: {line}");
    }

    /// <summary>The properties of each VEVENT, in order.</summary>
    public static List<List<Property>> Events(List<Property> properties)
    {
        var events = new List<List<Property>>();
        List<Property>? current = null;
        foreach (var p in properties)
        {
            if (p is { Name: "BEGIN", Value: "VEVENT" }) current = [];
            else if (p is { Name: "END", Value: "VEVENT" }) { events.Add(current!); current = null; }
            else current?.Add(p);
        }
        return events;
    }
}
