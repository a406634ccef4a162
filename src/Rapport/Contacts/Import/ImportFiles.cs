using Microsoft.Extensions.Options;
using Rapport.Platform.Hosting;

namespace Rapport.Contacts.Import;

/// <summary>Where uploaded import files wait for their job: data/imports/{job id}.csv, deleted when it ends.</summary>
public sealed class ImportFiles(IOptions<RapportOptions> options)
{
    /// <summary>The largest CSV accepted for import (200,000 contacts take about 30 MB; multipart forms stop at 128 MB).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    public string PathOf(Guid jobId)
    {
        var directory = Path.Combine(options.Value.ResolvedDataDirectory, "imports");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{jobId:N}.csv");
    }
}
