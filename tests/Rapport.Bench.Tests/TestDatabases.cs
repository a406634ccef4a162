using Rapport.Platform.Data;

namespace Rapport.Bench.Tests;

/// <summary>The PostgreSQL server scripts/test.sh starts (RAPPORT_TEST_POSTGRES), for the PostgreSQL variants.</summary>
public static class TestDatabases
{
    public static string? ServerFor(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES")
          ?? throw new InvalidOperationException("RAPPORT_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.")
        : null;
}
