using Rapport.Platform.Api;

namespace Rapport.Contacts.Merge;

/// <summary>The per-field choices of a merge request, checked against the fields a record type lets you choose.</summary>
public sealed class MergeChoices(IReadOnlyDictionary<string, MergeSource> choices)
{
    public static MergeChoices Parse(Guid survivorId, MergeRequest request, IReadOnlyCollection<string> choosable, string what)
    {
        if (request.MergeId is not { } mergeId)
            throw RequestValidationException.For("mergeId", "Name the record to merge into this one.");
        // Merging a record with itself would delete it: refuse before anything is read or written.
        if (mergeId == survivorId)
            throw new UnprocessableException($"A {what} cannot be merged with itself.");
        var errors = new Dictionary<string, string[]>();
        foreach (var field in (request.Fields ?? []).Keys.Where(f => !choosable.Contains(f)))
            errors[$"fields.{field}"] = [$"'{field}' is not a field you can choose. Choose from: {string.Join(", ", choosable)}."];
        if (errors.Count > 0) throw new RequestValidationException(errors);
        return new MergeChoices(request.Fields ?? []);
    }

    /// <summary>The survivor's value unless the merged record's was chosen.</summary>
    public T Pick<T>(string field, T survivor, T merged) =>
        choices.GetValueOrDefault(field) == MergeSource.Merged ? merged : survivor;
}
