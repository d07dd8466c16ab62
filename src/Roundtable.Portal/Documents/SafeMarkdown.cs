using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Roundtable.Portal.Documents;

/// <summary>
/// Markdown that people wrote (a proposal document, a charter, a session report) as HTML that cannot
/// carry code: raw HTML is disabled (written out as text), only CommonMark plus pipe tables (no
/// extension that sets attributes), and links or images with a scheme other than http, https or
/// mailto lose their address; its headings are shifted below the page's own. The Content-Security-Policy would block a script anyway; this keeps the
/// markup itself clean.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    // The page has one h1 (its title) and h2 sections; a document's "# Title" must not compete with them.
    private const int HeadingShift = 2;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The document as HTML for a page whose own headings are h1 and h2: the document's start at h3.</summary>
    public static MarkupString ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + HeadingShift);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = string.Empty;
            }
        }

        return new MarkupString(document.ToHtml(Pipeline));
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        var relative = colon < 0 || (slash >= 0 && slash < colon);
        return relative || AllowedSchemes.Any(s => url.AsSpan(0, colon).Trim().Equals(s, StringComparison.OrdinalIgnoreCase));
    }
}
