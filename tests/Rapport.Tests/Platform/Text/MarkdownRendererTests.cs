using AngleSharp.Html.Parser;
using Rapport.Platform.Text;

namespace Rapport.Tests.Platform.Text;

/// <summary>Notes are markdown typed by users; what reaches the page must format it and never run it.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Formatting_BecomesHtml()
    {
        var html = renderer.ToSafeHtml("# Met at the fair\n*likes* tea and **cake**\n\n- one\n- two\n\n[site](https://example.com)");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<em>likes</em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>cake</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<a href=\"https://x.example\" onclick=\"steal()\">x</a>")]
    [InlineData("![x](https://x.example/a.png\" onerror=\"alert(1))")]
    [InlineData("<https://x.example/\"onmouseover=\"alert(1)>")]
    public void ScriptInAnyForm_IsNeutralised(string markdown)
    {
        var document = new HtmlParser().ParseDocument("<body>" + renderer.ToSafeHtml(markdown) + "</body>");

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style"));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} has {attribute.Name}");
                if (attribute.Name is "href" or "src")
                    Assert.Matches("^(https?:|mailto:|tel:|#|/)", attribute.Value.Trim());
            }
        }
    }

    [Fact]
    public void TypedHtml_IsShownAsText_NotDropped()
    {
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", renderer.ToSafeHtml("<b>bold</b>"), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyBody_RendersNothing() => Assert.Equal("", renderer.ToSafeHtml("  "));
}
