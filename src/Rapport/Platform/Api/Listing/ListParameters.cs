using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Platform.Api.Listing;

/// <summary>The list query string, bound with [AsParameters] so OpenAPI documents each member.</summary>
public sealed class ListParameters
{
    [Description("Filter expression over allow-listed fields and custom fields (customFields.<name>), e.g. lifecycleStage eq 'customer' and tags has 'vip' and customFields.tier eq 'gold'. See docs/api.md.")]
    [FromQuery(Name = "filter")]
    public string? Filter { get; init; }

    [Description("Comma-separated fields; prefix with - for descending, e.g. -createdAt,lastName or -customFields.score.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [Description("Full-text search; every word must match the start of a word in the record.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Page size, 1 to 200 (default 50).")]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [Description("The nextCursor of the previous page.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    public ListRequest ToRequest() => new(Filter, Sort, Q, Limit, Cursor);
}
