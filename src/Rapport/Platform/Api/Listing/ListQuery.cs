using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Search;

namespace Rapport.Platform.Api.Listing;

/// <summary>
/// Applies the list conventions (q, filter, sort, limit, cursor) to any resource's query, once for all.
/// The API pages by keyset; the UI, which shows page numbers and a total, pages by offset over the same query.
/// </summary>
public sealed class ListQuery(RapportDb db, KeysetCursor cursors)
{
    public const int MaxQueryLength = 200;

    /// <summary>
    /// The resource's fields plus its custom fields when the request names any (<c>customFields.tier</c>): the
    /// definitions are read from the database, so this is the one async step before filtering and sorting.
    /// </summary>
    public async Task<ResourceFields<T>> FieldsAsync<T>(ResourceFields<T> fields, ListRequest request, CancellationToken ct)
    {
        if (CustomFieldObjects.Of(typeof(T)) is not { } target || !CustomFieldListFields.Mentioned(request)) return fields;
        var definitions = await db.CustomFieldDefinitions.AsNoTracking().Where(d => d.ObjectType == target.Key).ToListAsync(ct);
        return fields.With(CustomFieldListFields.For<T>(definitions));
    }

    /// <summary>
    /// The request's q and filter applied. <paramref name="walkSortOrder"/>: a broad search, whose matches SQLite checks
    /// row by row along the sort order's index rather than reading them all first (<see cref="SortMatches"/>).
    /// </summary>
    public IQueryable<T> Filtered<T>(IQueryable<T> source, ListRequest request, ResourceFields<T> fields, bool walkSortOrder = false)
        where T : Entity
    {
        if (request.Q is { Length: > MaxQueryLength })
            throw RequestValidationException.For("q", $"q must be at most {MaxQueryLength} characters.");
        var query = source.Matching(db, request.Q, scanned: walkSortOrder);
        var predicate = FilterParser.Parse(request.Filter, fields);
        return predicate is null ? query : query.Where(predicate);
    }

    /// <summary>
    /// One keyset page. <paramref name="shape"/>, when given, is applied to the page's rows only (after filter, sort
    /// and limit), so a record type can read just the columns its response shows; it must keep every sortable field.
    /// </summary>
    public async Task<Page<TOut>> PageAsync<T, TOut>(IQueryable<T> source, ListRequest request,
        ResourceFields<T> fields, string defaultSort, Func<T, TOut> map, CancellationToken ct,
        Expression<Func<T, T>>? shape = null) where T : Entity
    {
        var limit = request.EffectiveLimit;
        fields = await FieldsAsync(fields, request, ct);
        var keys = SortKeys.Parse(request.Sort, fields, defaultSort);
        var few = await SortMatches.FewAsync<T>(db, request, ct);
        var query = Filtered(source, request, fields, walkSortOrder: few == false);
        if (!string.IsNullOrEmpty(request.Cursor)) query = query.Where(cursors.After<T>(request.Cursor, keys, rowValues: db.Provider == DatabaseProvider.Postgres));
        if (few == true) query = SortMatches.All(db, query);
        var page = SortKeys.Apply(query, keys).Take(limit + 1);
        var rows = await (shape is null ? page : page.Select(shape)).AsNoTracking().ToListAsync(ct);
        var next = rows.Count > limit ? cursors.Create(rows[limit - 1], keys) : null;
        return new Page<TOut>(rows.Take(limit).Select(map).ToList(), next);
    }

    public async Task<(IReadOnlyList<TOut> Rows, int Total)> OffsetPageAsync<T, TOut>(IQueryable<T> source,
        ListRequest request, ResourceFields<T> fields, string defaultSort, int skip, int take,
        Func<T, TOut> map, CancellationToken ct) where T : Entity
    {
        fields = await FieldsAsync(fields, request, ct);
        var keys = SortKeys.Parse(request.Sort, fields, defaultSort);
        var query = Filtered(source, request, fields);
        var total = await query.CountAsync(ct);
        // The total is exact here, so it decides without asking the planner.
        if (SortMatches.Searches(request))
            query = total <= SortMatches.Cap ? SortMatches.All(db, query) : Filtered(source, request, fields, walkSortOrder: true);
        var rows = await SortKeys.Apply(query, keys).Skip(skip).Take(take).AsNoTracking().ToListAsync(ct);
        return (rows.Select(map).ToList(), total);
    }
}
