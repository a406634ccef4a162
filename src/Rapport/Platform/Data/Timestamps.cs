namespace Rapport.Platform.Data;

/// <summary>
/// The current UTC time at the precision both databases keep. PostgreSQL stores microseconds; a value with
/// 100 ns ticks would come back different from what was just returned to the client (and written to history).
/// </summary>
public static class Timestamps
{
    public static DateTime UtcNow(TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMicrosecond, value.Kind);
}
