using Rapport.Platform.Data;

namespace Rapport.Platform.Hosting;

/// <summary>The "Rapport" configuration section.</summary>
public sealed class RapportOptions
{
    public const string Section = "Rapport";

    /// <summary>Where the SQLite file, uploaded files and keys live; relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public sealed class DemoOptions
{
    /// <summary>Seed the demo workspace on first start (an empty database only).</summary>
    public bool Seed { get; set; } = true;
}
