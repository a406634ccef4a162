namespace Rapport.Platform.Api;

/// <summary>Record versions as strong ETags.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

}

public static class IfMatch
{
    /// <summary>
    /// The version a write expects, from If-Match: null when absent or "*"; a tag that is not one of ours
    /// yields -1, which never matches, so the write fails with 412 rather than going through unchecked.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && int.TryParse(header.AsSpan(1, header.Length - 2), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
