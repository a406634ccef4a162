using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Data;

namespace Rapport.Platform.Export;

/// <summary>
/// How one record type is exported: the rows the caller may read (its service's Readable()), the list fields
/// that filter and sort them, and the columns of the file. The columns are built per request because some
/// name things that must be looked up (an owner's name).
/// </summary>
public sealed record RecordExport<T>(
    string FileName,
    Func<IServiceProvider, IQueryable<T>> Readable,
    ResourceFields<T> Fields,
    string DefaultSort,
    Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<ExportColumn<T>>>> Columns) where T : Entity
{
    /// <summary>
    /// Every readable row matching q and filter, in the list's sort order. Building it validates the query, so a
    /// bad filter fails as a 400 before the first byte of the file is sent.
    /// </summary>
    public async Task<IQueryable<T>> RowsAsync(IServiceProvider services, ListRequest request, CancellationToken ct)
    {
        var lists = services.GetRequiredService<ListQuery>();
        var fields = await lists.FieldsAsync(Fields, request, ct);
        var keys = SortKeys.Parse(request.Sort, fields, DefaultSort);
        return SortKeys.Apply(lists.Filtered(Readable(services), request, fields), keys).AsNoTracking();
    }

    /// <summary>The record type's columns, then one per custom field that is not archived.</summary>
    public async Task<IReadOnlyList<ExportColumn<T>>> AllColumnsAsync(IServiceProvider services, CancellationToken ct)
    {
        var columns = await Columns(services, ct);
        return CustomFields.CustomFieldExport.Append(columns,
            await CustomFields.CustomFieldExport.DefinitionsAsync<T>(services, ct));
    }
}
