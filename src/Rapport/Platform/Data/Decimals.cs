namespace Rapport.Platform.Data;

/// <summary>Decimals in one form whichever database they came from (a numeric column keeps its scale, REAL does not).</summary>
public static class Decimals
{
    /// <summary>The same value without trailing zeros: 1000.50m becomes 1000.5m.</summary>
    public static decimal Shortest(decimal value) => value / 1.0000000000000000000000000000m;
}
