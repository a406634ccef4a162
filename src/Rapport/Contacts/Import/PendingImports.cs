using System.Threading.Channels;

namespace Rapport.Contacts.Import;

/// <summary>Jobs this node has accepted and not yet run, in order; <see cref="ImportWorker"/> drains it.</summary>
public sealed class PendingImports
{
    private readonly Channel<Guid> jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => jobs.Reader.ReadAllAsync(ct);
}
