using Rapport.Platform.Data;

namespace Rapport.Platform.Hosting;

/// <summary>The "Rapport" configuration section.</summary>
public sealed class RapportOptions
{
    public const string Section = "Rapport";

    /// <summary>Where the SQLite file, uploaded files and keys live; relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The address people open Rapport at (https://crm.example.com), for links that leave the app, such as those in
    /// emails. Required when email is on (Rapport:Smtp:Host).
    /// </summary>
    public string? PublicUrl { get; set; }

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
