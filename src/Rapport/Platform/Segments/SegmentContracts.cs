using System.ComponentModel.DataAnnotations;

namespace Rapport.Platform.Segments;

/// <summary>What a client sends to create a segment, and the document a merge patch applies to.</summary>
public sealed record SegmentInput
{
    public const int MaxNameLength = 100;
    public const int MaxFilterLength = 2000;

    [Required(AllowEmptyStrings = false), MaxLength(MaxNameLength)] public string? Name { get; init; }

    /// <summary>contacts (default) or companies; cannot change later.</summary>
    public string? ObjectType { get; init; }

    /// <summary>dynamic (default) or static; cannot change later.</summary>
    public SegmentKind? Kind { get; init; }

    /// <summary>A list filter expression (docs/api.md#filtering); dynamic segments only.</summary>
    [MaxLength(MaxFilterLength)] public string? Filter { get; init; }

    /// <summary>Full-text search as the list's q; dynamic segments only.</summary>
    public string? Q { get; init; }

    public bool? Shared { get; init; }
}

/// <summary>
/// A segment; <c>memberCount</c> counts the members the caller can read, or is null with <c>problem</c> set when
/// the stored filter no longer parses (a field it names was removed).
/// </summary>
public sealed record SegmentResponse(
    Guid Id,
    string Name,
    string ObjectType,
    SegmentKind Kind,
    string? Filter,
    string? Q,
    bool Shared,
    Guid? OwnerId,
    int? MemberCount,
    string? Problem,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static SegmentResponse From(Segment s, int? count, string? problem) =>
        new(s.Id, s.Name, s.ObjectType, s.Kind, s.Filter, s.Q, s.Shared, s.OwnerId, count, problem, s.Version, s.CreatedAt, s.UpdatedAt);

    public static SegmentInput ToInput(Segment s) => new()
    {
        Name = s.Name, ObjectType = s.ObjectType, Kind = s.Kind, Filter = s.Filter, Q = s.Q, Shared = s.Shared,
    };
}

public sealed record SegmentList(IReadOnlyList<SegmentResponse> Data);

/// <summary>Records to add to or remove from a static segment.</summary>
public sealed record SegmentMembersRequest
{
    public const int MaxIds = 1000;

    [Required] public List<Guid>? Ids { get; init; }
}

/// <summary><c>skipped</c>: ids that name no record of the segment's type the caller can read (not told apart).</summary>
public sealed record SegmentMembersResponse(int Added, int Removed, IReadOnlyList<Guid> Skipped, int MemberCount);

/// <summary>A member as the segment page shows it, whatever the record type.</summary>
public sealed record SegmentMemberRow(Guid Id, string Title, string? Subtitle, string Url);
