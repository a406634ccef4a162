using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Rapport.Platform.Text;

/// <summary>
/// Turns markdown typed by users (activity bodies) into HTML that is safe to put in a page. Two layers, because
/// either alone has gaps: Markdig with raw HTML disabled escapes any tags the author typed, and HtmlSanitizer then
/// removes what markdown itself can produce that is unsafe (a <c>[link](javascript:...)</c>, odd URL schemes).
/// Links open in a new tab without giving the target page a handle on ours.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Add("target");
        sanitizer.AllowedAttributes.Add("rel");
        // Task-list checkboxes render disabled; they show state, they are not a form.
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            if (element.TagName.Equals("A", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("target", "_blank");
                element.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            else if (element.TagName.Equals("INPUT", StringComparison.OrdinalIgnoreCase)
                     && !string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
            {
                element.Remove();
            }
            else if (element.TagName.Equals("INPUT", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("disabled", "disabled");
            }
        };
        return sanitizer;
    }
}
