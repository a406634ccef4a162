namespace Rapport.Platform.Api.Listing;

/// <summary>The query-string members every list endpoint accepts.</summary>
public sealed record ListRequest(string? Filter, string? Sort, string? Q, int? Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int EffectiveLimit => Limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw RequestValidationException.For("limit", $"limit must be between 1 and {MaxLimit}."),
        var l => l.Value,
    };
}

public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor);
