using System.Text;

namespace Rapport.Platform.Documents;

/// <summary>
/// What a file's first bytes say it is, checked against what its name says. Known extensions must match their
/// signature (a ".pdf" that is a PNG is refused); executables are refused by name and by signature, whatever
/// the name; other files are kept as application/octet-stream and always downloaded as attachments.
/// </summary>
public static class FileTypes
{
    /// <summary>How many leading bytes the check reads.</summary>
    public const int HeaderLength = 8192;

    public const string Binary = "application/octet-stream";

    private sealed record Kind(string Name, string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches);

    private static readonly Kind Pdf = new("PDF", "application/pdf", h => StartsWith(h, "%PDF-"u8));
    private static readonly Kind Png = new("PNG", "image/png", h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    private static readonly Kind Jpeg = new("JPEG", "image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF]));
    private static readonly Kind Gif = new("GIF", "image/gif", h => StartsWith(h, "GIF87a"u8) || StartsWith(h, "GIF89a"u8));
    private static readonly Kind Webp = new("WebP", "image/webp", h => StartsWith(h, "RIFF"u8) && h.Length >= 12 && h.Span[8..12].SequenceEqual("WEBP"u8));
    private static readonly Kind Zip = new("ZIP", "application/zip", h => StartsWith(h, "PK\x03\x04"u8) || StartsWith(h, "PK\x05\x06"u8));
    private static readonly Kind Ole = new("legacy Office", "application/x-ole-storage", h => StartsWith(h, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));
    private static readonly Kind Text = new("text", "text/plain", IsUtf8Text);

    private static readonly Kind[] Signatures = [Pdf, Png, Jpeg, Gif, Webp, Zip, Ole];

    /// <summary>Known extensions: the signature the content must have and the content type served.</summary>
    private static readonly Dictionary<string, (Kind Kind, string ContentType)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (Pdf, "application/pdf"),
        [".png"] = (Png, "image/png"),
        [".jpg"] = (Jpeg, "image/jpeg"),
        [".jpeg"] = (Jpeg, "image/jpeg"),
        [".gif"] = (Gif, "image/gif"),
        [".webp"] = (Webp, "image/webp"),
        [".zip"] = (Zip, "application/zip"),
        [".docx"] = (Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = (Zip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".odt"] = (Zip, "application/vnd.oasis.opendocument.text"),
        [".ods"] = (Zip, "application/vnd.oasis.opendocument.spreadsheet"),
        [".odp"] = (Zip, "application/vnd.oasis.opendocument.presentation"),
        [".doc"] = (Ole, "application/msword"),
        [".xls"] = (Ole, "application/vnd.ms-excel"),
        [".ppt"] = (Ole, "application/vnd.ms-powerpoint"),
        [".txt"] = (Text, "text/plain; charset=utf-8"),
        [".csv"] = (Text, "text/csv; charset=utf-8"),
        [".md"] = (Text, "text/markdown; charset=utf-8"),
        [".json"] = (Text, "application/json"),
        [".xml"] = (Text, "application/xml"),
        [".ics"] = (Text, "text/calendar; charset=utf-8"),
        [".vcf"] = (Text, "text/vcard; charset=utf-8"),
        [".eml"] = (Text, "message/rfc822"),
    };

    /// <summary>Programs and scripts a double-click would run.</summary>
    private static readonly HashSet<string> Executable = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".pif", ".cpl", ".sys", ".msi", ".msp", ".msc", ".bat", ".cmd", ".sh", ".bash",
        ".zsh", ".csh", ".ps1", ".psm1", ".psd1", ".vbs", ".vbe", ".js", ".jse", ".mjs", ".wsf", ".wsh", ".hta", ".jar",
        ".reg", ".lnk", ".app", ".apk", ".appimage", ".deb", ".rpm", ".run", ".elf", ".so", ".dylib", ".py", ".pl", ".rb",
    };

    /// <summary>The extension of a file name as given, or "" (a name like "../../etc/passwd" has none).</summary>
    public static string ExtensionOf(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var separator = fileName.LastIndexOfAny(['/', '\\']);
        return dot > separator && dot < fileName.Length - 1 ? fileName[dot..] : "";
    }

    /// <summary>The content type to store and serve, or the reason the file is refused.</summary>
    public static FileVerdict Check(string fileName, ReadOnlyMemory<byte> header)
    {
        var extension = ExtensionOf(fileName);
        if (Executable.Contains(extension))
            return FileVerdict.Refuse($"'{extension}' files are programs or scripts, which cannot be uploaded.");
        if (LooksExecutable(header) is { } program)
            return FileVerdict.Refuse($"The file is a program ({program}), which cannot be uploaded whatever its name.");
        var detected = Signatures.FirstOrDefault(k => k.Matches(header));
        if (Known.TryGetValue(extension, out var expected))
        {
            if (expected.Kind.Matches(header)) return FileVerdict.Accept(expected.ContentType);
            var actual = detected?.Name ?? (expected.Kind == Text ? "binary data" : "not recognisable");
            return FileVerdict.Refuse($"The content does not match the '{extension}' extension: a {expected.Kind.Name} file was expected, the content is {actual}.");
        }
        return FileVerdict.Accept(Binary);
    }

    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];

    private static readonly byte[][] MachO =
        [[0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]];

    private static string? LooksExecutable(ReadOnlyMemory<byte> header)
    {
        var h = header.Span;
        if (h.StartsWith("#!"u8)) return "a script with a #! line";
        if (h.StartsWith(Elf)) return "ELF";
        // "MZ" also starts ordinary words in text; a Windows program has binary bytes right after it.
        if (h.StartsWith("MZ"u8) && h.Length >= 64 && h[..64].Contains((byte)0)) return "Windows executable";
        foreach (var signature in MachO)
        {
            if (h.StartsWith(signature)) return "Mach-O or Java class";
        }
        return null;
    }

    private static bool StartsWith(ReadOnlyMemory<byte> header, ReadOnlySpan<byte> signature) => header.Span.StartsWith(signature);

    /// <summary>UTF-8 without NUL bytes; a sequence cut off at the end of the header is allowed.</summary>
    private static bool IsUtf8Text(ReadOnlyMemory<byte> header)
    {
        var bytes = header.Span;
        if (bytes.Contains((byte)0)) return false;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            Span<char> chars = new char[bytes.Length + 1];
            decoder.Convert(bytes, chars, flush: false, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>The outcome of <see cref="FileTypes.Check"/>: a content type, or why the file is refused.</summary>
public sealed record FileVerdict(string? ContentType, string? Refusal)
{
    public static FileVerdict Accept(string contentType) => new(contentType, null);
    public static FileVerdict Refuse(string reason) => new(null, reason);
}
