using Roundtable.Portal.Documents;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Tests;

public sealed class MarkdownAndTemplateTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("[click](javascript:alert(1))", "<a href=\"\">click</a>")]
    [InlineData("[click]( JavaScript:alert(1))", "<a href=\"\">click</a>")]
    [InlineData("![x](data:text/html,evil)", "<img src=\"\" alt=\"x\" />")]
    [InlineData("[ok](https://example.org/a?b=c)", "<a href=\"https://example.org/a?b=c\">ok</a>")]
    [InlineData("[ok](/proposals)", "<a href=\"/proposals\">ok</a>")]
    [InlineData("# Title", "<h3>Title</h3>")]
    [InlineData("##### Deep", "<h6>Deep</h6>")]
    public void Markdown_is_rendered_without_HTML_unsafe_links_or_competing_headings(string markdown, string expected)
    {
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_is_filled_in_one_pass_so_a_value_cannot_inject_a_placeholder()
    {
        Assert.Equal("{subject} voted on “Minutes”.", TextTemplate.Fill("{sender} voted on “{subject}”.", [("sender", "{subject}"), ("subject", "Minutes")]));
        Assert.Throws<FormatException>(() => TextTemplate.Fill("{missing}", []));
    }
}
