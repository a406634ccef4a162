using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Platform.Data;

/// <summary>
/// Lets the process's SQLite write transactions in one at a time, first come, first served. SQLite admits one writer
/// per file; the others wait in its busy handler, which sleeps in growing steps (up to 100 ms) and lets whoever tries
/// next in, often a newcomer. With 16 concurrent creates at 1M contacts a save waited up to a second while its own
/// write took a few milliseconds (bench/notes.md items 36 and 39). Every transaction EF Core begins (each SaveChanges
/// of more than one statement, and every explicit one) first takes its turn here, one queue per database file; the
/// turn ends when the transaction commits, rolls back or fails, or when its connection closes (which rolls back a
/// transaction left open). A writer that has waited longer
/// than the busy timeout goes ahead without its turn, so a stuck holder can only slow others, as before, never block them.
/// </summary>
internal sealed class SqliteWriteQueue : DbTransactionInterceptor
{
    public static readonly SqliteWriteQueue Instance = new();

    /// <summary>SQLite's own busy timeout: the longest a writer waited before the queue.</summary>
    public static readonly TimeSpan MaxWait = SqlitePragmas.BusyTimeout;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbConnection, Turn> Turns = [];

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (QueueOf(connection) is not { } queue) return result;
        Release(connection); // a connection has one transaction at a time: a turn it still holds, it held for one that ended unseen
        Hold(connection, queue, queue.Wait(MaxWait));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (QueueOf(connection) is not { } queue) return result;
        Release(connection);
        Hold(connection, queue, await queue.WaitAsync(MaxWait, cancellationToken));
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Whether no transaction holds the turn for <paramref name="connection"/>'s file (for the tests).</summary>
    internal static bool IsFree(DbConnection connection) => QueueOf(connection) is not { CurrentCount: 0 };

    private static SemaphoreSlim? QueueOf(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:"
            ? Queues.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1))
            : null;

    private static void Hold(DbConnection connection, SemaphoreSlim queue, bool entered)
    {
        // Without its turn (waited past MaxWait) the writer proceeds and SQLite's busy handler decides, as before.
        if (!entered) return;
        Turns.AddOrUpdate(connection, new Turn(queue));
        connection.StateChange += Closed;
    }

    /// <summary>
    /// A connection closed with a transaction open rolls it back (Microsoft.Data.Sqlite), and EF Core tells no
    /// interceptor; EF also closes the connection it opened for a transaction once that is disposed unfinished.
    /// </summary>
    private static void Closed(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed && sender is DbConnection connection) Release(connection);
    }

    // The transaction no longer knows its connection once it has ended; the context does.
    private static void Release(DbContext? context)
    {
        if (context is not null) Release(context.Database.GetDbConnection());
    }

    private static void Release(DbConnection connection)
    {
        if (!Turns.TryGetValue(connection, out var turn)) return;
        Turns.Remove(connection);
        connection.StateChange -= Closed;
        turn.End();
    }

    /// <summary>One transaction's place at the head of the queue; ends once, however many ways it is told to.</summary>
    private sealed class Turn(SemaphoreSlim queue)
    {
        private int ended;

        public void End()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0) queue.Release();
        }
    }
}
