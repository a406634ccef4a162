using Microsoft.Extensions.Configuration;
using Npgsql;
using Rapport.Platform.Data;

namespace Rapport.Tests.Platform.Data;

/// <summary>Repeated statements are prepared on PostgreSQL unless the operator's connection string decides.</summary>
public sealed class PostgresConnectionStringTests
{
    private static string For(string configured) => DataSetup.PostgresConnectionString(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Rapport"] = configured }).Build());

    [Fact]
    public void WithoutTheSetting_PreparesRepeatedStatements()
    {
        var result = new NpgsqlConnectionStringBuilder(For("Host=db;Username=rapport;Password=secret"));
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0)]
    [InlineData("Host=db;max auto prepare=8", 8)]
    public void AnExplicitSetting_IsKept(string configured, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(For(configured)).MaxAutoPrepare);
    }

    [Fact]
    public void NoConnectionString_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataSetup.PostgresConnectionString(new ConfigurationBuilder().Build()));
        Assert.Contains("ConnectionStrings__Rapport", error.Message);
    }
}
