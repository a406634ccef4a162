namespace Rapport.Platform.Api;

/// <summary>
/// Text both databases store faithfully: PostgreSQL refuses the NUL character (a 500 if it got that far) and
/// neither provider can encode half of a UTF-16 surrogate pair, so such text is refused at the edge.
/// </summary>
public static class StoredText
{
    /// <summary>What is wrong with the text, or null when it can be stored.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "must not contain the NUL character (\\u0000).";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return "must not contain half of a UTF-16 surrogate pair.";
        }
        return null;
    }
}
