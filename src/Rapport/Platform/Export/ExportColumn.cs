namespace Rapport.Platform.Export;

/// <summary>One column of an exported file: its header and how a record becomes the cell's text.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, string?> Value);
