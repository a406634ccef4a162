using Rapport.Platform.Api.Listing;
using Rapport.Platform.Data;

namespace Rapport.Platform.Ui.Records;

/// <summary>A page of a record list for the UI: offset paging with a total, over what the service lets the user read.</summary>
public static class RecordPaging
{
    public static Task<UiResult<ListPage<TOut>>> PageAsync<TService, T, TOut>(this RecordOperations operations,
        Func<TService, IQueryable<T>> readable, ListRequest request, ResourceFields<T> fields, string defaultSort,
        int skip, int take, Func<T, TOut> map)
        where TService : notnull
        where T : Entity =>
        operations.RunAsync(async services =>
        {
            var source = readable(services.GetRequiredService<TService>());
            var (rows, total) = await services.GetRequiredService<ListQuery>()
                .OffsetPageAsync(source, request, fields, defaultSort, skip, take, map, CancellationToken.None);
            return new ListPage<TOut>(rows, total);
        });
}
