using Microsoft.AspNetCore.Components;

namespace Rapport.Platform.Ui.Records;

/// <summary>One column of a record list: its key (stored in the column choice), title, cell and sort field.</summary>
public sealed record ListColumn<TRow>(string Key, string Title, RenderFragment<TRow> Cell)
{
    /// <summary>The API sort field this column orders by; null when the column cannot be sorted.</summary>
    public string? SortField { get; init; }

    /// <summary>The cell as plain text, for the CSV export; columns without it export empty.</summary>
    public Func<TRow, string?>? Text { get; init; }

    public bool VisibleByDefault { get; init; } = true;

    /// <summary>The column that names the record (and links to it) cannot be hidden.</summary>
    public bool Required { get; init; }
}

/// <summary>One page of rows and how many rows match in all.</summary>
public sealed record ListPage<TRow>(IReadOnlyList<TRow> Rows, int Total);
