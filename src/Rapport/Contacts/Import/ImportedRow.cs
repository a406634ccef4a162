using System.Text.Json;
using Rapport.Platform.Api;

namespace Rapport.Contacts.Import;

public sealed record ImportRowError(int Row, string? Column, string Message);

/// <summary>
/// One CSV row read through the mapping, of any record type: its number, what is wrong with it, the owner it names
/// and the keys it is matched to existing records by. The record it describes is the subclass's.
/// </summary>
public abstract class ImportedRow(int number)
{
    /// <summary>The row's line in the spreadsheet (the header is row 1).</summary>
    public int Number { get; } = number;

    public List<ImportRowError> Errors { get; } = [];

    /// <summary>The owner as the file names it (a user's email or display name), resolved per batch.</summary>
    public string? OwnerText { get; protected init; }

    public string? OwnerColumn { get; protected init; }

    /// <summary>Custom field values by field name, already checked against each field's type.</summary>
    public abstract Dictionary<string, JsonElement>? CustomFields { get; }

    /// <summary>
    /// The normalised values that make two rows, or a row and an existing record, the same (contacts: the primary
    /// email; companies: the domain, then the name), strongest first. Empty when the row has none.
    /// </summary>
    public abstract IReadOnlyList<string> MatchKeys { get; }

    /// <summary>
    /// Validates the record as the API would (the same attributes on its input), naming the column at fault: an
    /// imported record obeys the rules of one typed in.
    /// </summary>
    /// <param name="input">The record as the API would receive it.</param>
    /// <param name="columnOfKey">An error's API key (<c>address.city</c>) → the header of the column at fault.</param>
    /// <param name="ignore">Errors already reported in the import's own words (by their API key), not to repeat.</param>
    protected void Validate(object input, Func<string, string?> columnOfKey, Func<string, bool>? ignore = null)
    {
        try
        {
            RequestValidator.ThrowIfInvalid(input);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (key, messages) in invalid.Errors.Where(e => ignore?.Invoke(e.Key) != true))
            {
                var column = columnOfKey(key);
                Errors.AddRange(messages.Select(m => new ImportRowError(Number, column, m)));
            }
        }
    }
}
