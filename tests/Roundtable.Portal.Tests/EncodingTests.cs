using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>Text people typed (names, profile fields, titles, documents, comments) is shown as text, never run.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class EncodingTests(SeededNode seeded)
{
    [Theory]
    [MemberData(nameof(PageNames.Pages), MemberType = typeof(PageNames))]
    public async Task A_script_typed_anywhere_comes_out_encoded(string page)
    {
        var html = await seeded.PageAsync(seeded.PathOf(page));

        Assert.DoesNotContain(SeededNode.Script, html, StringComparison.OrdinalIgnoreCase);
        var document = Html.Parse(html);
        Assert.All(document.QuerySelectorAll("script"), s =>
        {
            Assert.Equal("module", s.GetAttribute("type"));
            Assert.Matches("^/assets/js/[a-z-]+\\.js$", s.GetAttribute("src") ?? "");
            Assert.Equal("", s.TextContent);
        });
    }

    [Theory]
    [InlineData("transaction")]
    [InlineData("proposal")]
    [InlineData("session")]
    [InlineData("anchor")]
    [InlineData("names")]
    public async Task The_hostile_member_name_title_and_comment_are_shown_as_text(string page)
    {
        var html = await seeded.PageAsync(seeded.PathOf(page));

        Assert.Contains(SeededNode.EncodedScript, html, StringComparison.Ordinal);
        Assert.Contains(SeededNode.Script, Html.VisibleText(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_HTML_in_a_proposal_document_is_not_rendered_but_its_Markdown_is()
    {
        var document = Html.Parse(await seeded.PageAsync(seeded.PathOf("proposal")));
        var text = document.QuerySelector(".document")!;

        Assert.Null(document.GetElementById("raw-html"));
        Assert.Contains(SeededNode.RawHtmlInDocument, text.TextContent, StringComparison.Ordinal);
        Assert.Equal("published", text.QuerySelector("strong")?.TextContent);
        Assert.Equal("Keeping minutes", text.QuerySelector("h3")?.TextContent); // "# " shifted under the page's own h1/h2
        Assert.Contains(seeded.DocumentHash.ToString(), document.Body!.TextContent, StringComparison.Ordinal);
    }
}
