using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Platform.Data;

namespace Rapport.Tests.Platform;

public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = CreateDb<SqliteRapportDb>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQLite model has changes without a migration: see docs/database.md to add one for both providers.");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = CreateDb<PostgresRapportDb>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The PostgreSQL model has changes without a migration: see docs/database.md to add one for both providers.");
    }

    private static T CreateDb<T>() where T : RapportDb
    {
        var factoryType = typeof(RapportDb).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<T>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<T>)Activator.CreateInstance(factoryType)!;
        return factory.CreateDbContext([]);
    }
}
