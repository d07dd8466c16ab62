using System.Net;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>Every page, in both languages: 200, the security headers, markup that parses strictly, and the accessible skeleton.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class PageStructureTests(SeededNode seeded)
{
    [Theory]
    [MemberData(nameof(PageNames.PagesInEachLanguage), MemberType = typeof(PageNames))]
    public async Task Every_page_answers_200_with_the_security_headers(string page, string language)
    {
        using var http = seeded.NewClient();
        using var response = await http.GetAsync(PageNames.In(seeded.PathOf(page), language));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [MemberData(nameof(PageNames.PagesInEachLanguage), MemberType = typeof(PageNames))]
    public async Task Every_page_parses_strictly_and_has_landmarks_one_h1_a_skip_link_and_labelled_fields(string page, string language)
    {
        var document = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf(page), language)));

        var root = document.DocumentElement;
        Assert.Equal(language, root.GetAttribute("lang"));
        Assert.Equal("ltr", root.GetAttribute("dir"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Single(document.QuerySelectorAll("body > header"));
        Assert.Single(document.QuerySelectorAll("body > main#main"));
        Assert.Single(document.QuerySelectorAll("body > footer"));
        Assert.Equal(2, document.QuerySelectorAll("header nav[aria-label]").Length);
        var skip = document.QuerySelector("body > a:first-child");
        Assert.Equal("#main", skip?.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title));

        foreach (var field in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            Assert.True(document.QuerySelector($"label[for='{field.Id}']") is not null, $"{page}: field {field.Id} has no label.");
        }

        foreach (var chart in document.QuerySelectorAll("svg"))
        {
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.NotNull(chart.QuerySelector("title"));
        }

        // Styles and scripts come from files only: the CSP forbids inline ones, so none may be written.
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        Assert.All(document.QuerySelectorAll("script"), s => Assert.StartsWith("/assets/", s.GetAttribute("src")));
    }

    [Fact]
    public async Task The_verify_page_is_the_shell_the_browser_verifier_drives()
    {
        var document = Html.Parse(await seeded.PageAsync("/verify"));

        Assert.Equal("file", document.QuerySelector("input#verify-file")?.GetAttribute("type"));
        Assert.Equal("file", document.QuerySelector("input#verify-bundle")?.GetAttribute("type"));
        Assert.Equal(seeded.Node.Chain.Genesis.Hash.ToString(), document.QuerySelector("input#verify-trust")?.GetAttribute("value"));
        Assert.Equal("button", document.QuerySelector("button#verify-run")?.GetAttribute("type"));
        Assert.Equal("polite", document.QuerySelector("output#verify-result")?.GetAttribute("aria-live"));
        Assert.Equal("module", document.QuerySelector("script[src='/assets/js/verify-page.js']")?.GetAttribute("type"));
    }

    [Fact]
    public async Task The_block_page_says_which_stakeholder_groups_signed_and_tells_each_transaction_as_a_sentence()
    {
        var text = Html.VisibleText(await seeded.PageAsync(PageNames.In(seeded.PathOf("transaction"), "en")));
        Assert.Contains($"{SeededNode.Script} (Private sector, Asia-Pacific) joined the network.", text, StringComparison.Ordinal);

        var committed = await seeded.Node.WaitForCommitAsync(seeded.RegistrationHash);
        var block = Html.VisibleText(await seeded.PageAsync(PageNames.In($"/blocks/{(ulong)committed["height"]!}", "en")));
        Assert.Contains("signed by validators of every stakeholder group that runs one (Technical community)", block, StringComparison.Ordinal);
        Assert.Contains("joined the network.", block, StringComparison.Ordinal);
    }
}
