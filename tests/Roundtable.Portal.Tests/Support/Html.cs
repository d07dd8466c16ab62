using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Roundtable.Portal.Tests.Support;

/// <summary>Parses a page as a browser would, in strict mode: any HTML parse error fails the test.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) =>
        new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);

    /// <summary>The text a reader sees (no markup, no attribute values).</summary>
    public static string VisibleText(string html) => Parse(html).Body!.TextContent;
}
