namespace Rapport.Platform.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Sales = "Sales";
    public const string Marketing = "Marketing";
    public const string Support = "Support";
    public const string ReadOnly = "ReadOnly";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Sales, Marketing, Support, ReadOnly];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

public static class RapportClaims
{
    public const string DisplayName = "rapport:name";

    /// <summary>Present on API-key principals: "read" or "read-write".</summary>
    public const string ApiScope = "rapport:scope";
}
