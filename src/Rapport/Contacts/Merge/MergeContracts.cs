using System.ComponentModel.DataAnnotations;

namespace Rapport.Contacts.Merge;

/// <summary>Which of the two records a field's value is taken from.</summary>
public enum MergeSource
{
    Survivor,
    Merged,
}

/// <summary>
/// <c>POST /api/v1/{contacts|companies}/{survivorId}/merge</c>: the record <see cref="MergeId"/> is merged into the
/// survivor and deleted. <see cref="Fields"/> names, per field, which record's value to keep (default: the
/// survivor's); lists (emails, phones, tags) are always united.
/// </summary>
public sealed record MergeRequest
{
    [Required] public Guid? MergeId { get; init; }

    /// <summary>The merged record's version as the caller saw it; a later change makes the merge a 412.</summary>
    public int? MergeVersion { get; init; }

    public Dictionary<string, MergeSource>? Fields { get; init; }
}

/// <summary>What a merge did, besides the survivor's new state (returned as the record itself).</summary>
public sealed record MergeOutcome<T>(T Survivor, int ActivitiesMoved, int ContactsMoved);
