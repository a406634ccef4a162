using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapport.Platform.Data;

/// <summary>Lets dotnet-ef build each provider's model without starting the app (see docs/database.md).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRapportDb>
{
    public SqliteRapportDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRapportDb>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRapportDb>
{
    public PostgresRapportDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRapportDb>().UseNpgsql("Host=localhost;Database=rapport_design").Options);
}
