namespace Rapport.Platform.Documents;

/// <summary>The "Rapport:Documents" configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Rapport:Documents";

    /// <summary>The largest file a user may upload, in megabytes (API and UI alike).</summary>
    public int MaxSizeMb { get; set; } = 25;

    public long MaxSizeBytes => MaxSizeMb * 1024L * 1024L;
}
