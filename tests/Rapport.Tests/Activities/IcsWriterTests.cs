using System.Text;
using Rapport.Activities.Calendar;

namespace Rapport.Tests.Activities;

public sealed class IcsWriterTests
{
    [Fact]
    public void LongText_IsFoldedAt75Octets_WithoutSplittingCharacters()
    {
        var text = string.Concat(Enumerable.Repeat("Grüße, 🎉 ", 30));
        var ics = new IcsWriter().Text("DESCRIPTION", text).ToString();
        var lines = ics[..^2].Split("\r\n");
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        var unfolded = string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..]));
        Assert.Equal("DESCRIPTION:" + text.Replace(",", "\\,", StringComparison.Ordinal), unfolded);
    }

    [Fact]
    public void Text_EscapesSeparatorsAndNewlines_AndDropsControlCharacters()
    {
        Assert.Equal(@"a\,b\;c\\d\ne\nf", IcsWriter.EscapeText("a,b;c\\d\r\ne\nf\u0007"));
        Assert.Equal("\"Ann Bee\"", IcsWriter.Quoted("Ann \"Bee\"\n"));
    }
}
