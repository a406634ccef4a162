using Rapport.Platform.Api;

namespace Rapport.Platform.Documents;

/// <summary>What a file name may be. It is kept exactly as given (slashes and dots included) and never used as a path.</summary>
public static class DocumentRules
{
    public const int MaxFileNameLength = 255;

    public static string ValidFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            throw RequestValidationException.For("file", "The file needs a name (the filename of the multipart part).");
        if (fileName.Length > MaxFileNameLength)
            throw RequestValidationException.For("file", $"The file name is longer than {MaxFileNameLength} characters.");
        if (fileName.Any(char.IsControl))
            throw RequestValidationException.For("file", "The file name must not contain control characters.");
        if (StoredText.Problem(fileName) is { } problem) throw RequestValidationException.For("file", $"The file name {problem}");
        return fileName;
    }

    /// <summary>A name for Content-Disposition: the given name with separators and control characters replaced.</summary>
    public static string DownloadName(string fileName)
    {
        var safe = new string(fileName.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return safe.Length == 0 ? "download" : safe;
    }
}
