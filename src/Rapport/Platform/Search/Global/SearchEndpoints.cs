using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Platform.Search.Global;

public static class SearchEndpoints
{
    public static IServiceCollection AddGlobalSearch(this IServiceCollection services) =>
        services.AddScoped<GlobalSearch>();

    public static RouteGroupBuilder MapGlobalSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Search companies, contacts and activities at once; ranked results grouped by type");
        return api;
    }

    private static Task<SearchResponse> Search(
        [FromQuery(Name = "q"), Description("Words to find; each matches as a prefix.")] string? q,
        [FromQuery(Name = "limit"), Description("Results per type, 1 to 20 (default 5).")] int? limit,
        GlobalSearch search, CancellationToken ct) => search.SearchAsync(q, limit, ct);
}
