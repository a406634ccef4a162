using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Data;
using Rapport.Platform.Export;

namespace Rapport.Platform.Segments;

/// <summary>
/// A record type segments can hold. It reuses the type's export definition — the service's Readable(), the list's
/// allow-listed fields and the file's columns — so a segment's filter is parsed exactly as the list's and the export's
/// (whatever fields they gain, custom fields included), and members are always within what the caller may read.
/// </summary>
public abstract record SegmentSource(string ObjectType, string Singular)
{
    /// <summary>Builds the member query, which parses filter and q: a bad one throws the list's 400.</summary>
    public abstract Task ValidateAsync(IServiceProvider services, string? filter, string? q, CancellationToken ct);

    public abstract Task<int> CountAsync(IServiceProvider services, Segment segment, CancellationToken ct);

    public abstract Task<Page<object>> PageAsync(IServiceProvider services, Segment segment, ListRequest request, CancellationToken ct);

    public abstract Task<(IReadOnlyList<SegmentMemberRow> Rows, int Total)> OffsetPageAsync(IServiceProvider services, Segment segment,
        int skip, int take, CancellationToken ct);

    public abstract Task WriteCsvAsync(HttpContext http, Segment segment, string? sort);

    /// <summary>The ids among <paramref name="ids"/> that name records the caller can read.</summary>
    public abstract Task<List<Guid>> ReadableAsync(IServiceProvider services, IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

public sealed record SegmentSource<T>(string ObjectType, string Singular, RecordExport<T> Export, Func<T, object> ToResponse,
    Func<T, SegmentMemberRow> ToRow) : SegmentSource(ObjectType, Singular) where T : Entity
{
    public override Task ValidateAsync(IServiceProvider services, string? filter, string? q, CancellationToken ct) =>
        MembersAsync(services, null, new ListRequest(filter, null, q, null, null), ct);

    public override async Task<int> CountAsync(IServiceProvider services, Segment segment, CancellationToken ct) =>
        await (await MembersAsync(services, segment, Request(segment, null, null, null), ct)).CountAsync(ct);

    public override async Task<Page<object>> PageAsync(IServiceProvider services, Segment segment, ListRequest request, CancellationToken ct)
    {
        var page = await services.GetRequiredService<ListQuery>().PageAsync(Source(services, segment),
            Request(segment, request.Sort, request.Limit, request.Cursor), Export.Fields, Export.DefaultSort, ToResponse, ct);
        return new Page<object>(page.Data, page.NextCursor);
    }

    public override Task<(IReadOnlyList<SegmentMemberRow> Rows, int Total)> OffsetPageAsync(IServiceProvider services, Segment segment,
        int skip, int take, CancellationToken ct) =>
        services.GetRequiredService<ListQuery>().OffsetPageAsync(Source(services, segment), Request(segment, null, null, null),
            Export.Fields, Export.DefaultSort, skip, take, ToRow, ct);

    public override async Task WriteCsvAsync(HttpContext http, Segment segment, string? sort)
    {
        var rows = await (Export with { Readable = services => Source(services, segment) })
            .RowsAsync(http.RequestServices, Request(segment, sort, null, null), http.RequestAborted);
        var columns = await Export.AllColumnsAsync(http.RequestServices, http.RequestAborted);
        await CsvExportWriter.WriteAsync(http.Response.Body, rows.AsAsyncEnumerable(), columns, http.RequestAborted);
    }

    public override Task<List<Guid>> ReadableAsync(IServiceProvider services, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Export.Readable(services).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);

    /// <summary>The readable records, narrowed to a static segment's members (a dynamic one's filter is applied by the list).</summary>
    private IQueryable<T> Source(IServiceProvider services, Segment? segment)
    {
        var readable = Export.Readable(services);
        if (segment is not { Kind: SegmentKind.Static }) return readable;
        var members = services.GetRequiredService<RapportDb>().Set<SegmentMember>().Where(m => m.SegmentId == segment.Id);
        return readable.Where(r => members.Any(m => m.RecordId == r.Id));
    }

    /// <summary>The member query; custom fields named in the filter are resolved as the list resolves them.</summary>
    private async Task<IQueryable<T>> MembersAsync(IServiceProvider services, Segment? segment, ListRequest request, CancellationToken ct)
    {
        var lists = services.GetRequiredService<ListQuery>();
        return lists.Filtered(Source(services, segment), request, await lists.FieldsAsync(Export.Fields, request, ct));
    }

    private static ListRequest Request(Segment segment, string? sort, int? limit, string? cursor) =>
        segment.Kind == SegmentKind.Dynamic
            ? new ListRequest(segment.Filter, sort, segment.Q, limit, cursor)
            : new ListRequest(null, sort, null, limit, cursor);
}

public static class SegmentSources
{
    public static readonly IReadOnlyList<SegmentSource> All =
    [
        new SegmentSource<Contact>("contacts", "contact", ContactExport.Definition, c => ContactResponse.From(c),
            c => new SegmentMemberRow(c.Id, c.FullName.Length > 0 ? c.FullName : c.PrimaryEmail ?? "(no name)", c.PrimaryEmail, $"/contacts/{c.Id}")),
        new SegmentSource<Company>("companies", "company", CompanyExport.Definition, c => CompanyResponse.From(c),
            c => new SegmentMemberRow(c.Id, c.Name, c.Domain, $"/companies/{c.Id}")),
    ];

    public static SegmentSource? Named(string objectType) =>
        All.FirstOrDefault(s => s.ObjectType.Equals(objectType, StringComparison.OrdinalIgnoreCase));
}
