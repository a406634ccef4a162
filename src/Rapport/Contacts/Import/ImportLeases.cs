using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Import;

/// <summary>
/// A running import belongs to the node that claimed it, which saves a heartbeat after every batch (a batch takes
/// seconds). When that node dies mid-import the job would show "running" forever; this marks such jobs failed so
/// the person sees what happened and can import the rest again. Rows already imported are kept.
/// </summary>
public sealed class ImportLeases(RapportDb db, TimeProvider clock)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public const string Message = "The server running this import stopped answering; rows imported before that were kept.";

    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var now = Timestamps.UtcNow(clock);
        var cutoff = now - Timeout;
        return await db.Imports
            .Where(j => j.Status == ImportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < cutoff))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Failed)
                .SetProperty(j => j.Failure, Message)
                .SetProperty(j => j.FinishedAt, now), ct);
    }
}
