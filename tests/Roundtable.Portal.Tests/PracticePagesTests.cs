using System.Net;
using System.Text.Json.Nodes;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>
/// The register pages, rendered on the server from the seeded chain: Alice's statement (published,
/// commented on by the hostile member, revised to store data in Africa) and Bo's newsletter.
/// </summary>
[Collection(SeededNodeCollection.Name)]
public sealed class PracticePagesTests(SeededNode seeded)
{
    [Fact]
    public async Task The_map_and_the_table_beside_it_show_the_same_figures_as_the_API()
    {
        var main = Html.Parse(await seeded.PageAsync("/practices?lang=en")).QuerySelector("main")!;
        var api = JsonNode.Parse(await seeded.Http.GetStringAsync("/api/v1/practices/map"))!["regions"]!.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => ((int)r!["storing"]!, (int)r["processing"]!));

        var tiles = main.QuerySelectorAll("figure.region-map svg g.map-tile").ToDictionary(
            g => g.GetAttribute("data-region")!,
            g => (Leading(g.QuerySelector("text.map-storing")!.TextContent), Leading(g.QuerySelector("text.map-processing")!.TextContent)));
        var rows = main.QuerySelectorAll("#practice-map-table tbody tr").ToDictionary(
            r => r.GetAttribute("data-region")!,
            r => (int.Parse(r.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture), int.Parse(r.QuerySelectorAll("td")[1].TextContent, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(api.OrderBy(p => p.Key), tiles.OrderBy(p => p.Key));
        Assert.Equal(api.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
        Assert.Equal((2, 1), api["africa"]);
        Assert.Equal((0, 1), api["eastern-europe"]);
        Assert.Equal("Where organisations keep and handle data", main.QuerySelector("svg title")!.TextContent);
        Assert.Contains("2 store data here", main.QuerySelector("g.map-tile[data-region='africa']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("map-shade-4", main.QuerySelector("g.map-tile[data-region='africa'] rect")!.GetAttribute("class"));
        Assert.Equal("map-shade-0", main.QuerySelector("g.map-tile[data-region='asia-pacific'] rect")!.GetAttribute("class"));
    }

    [Fact]
    public async Task The_list_is_filtered_by_plain_GET_forms_and_a_choice_the_register_does_not_offer_is_explained()
    {
        var all = Html.Parse(await seeded.PageAsync("/practices?lang=en")).QuerySelector("main")!;
        var consent = Html.Parse(await seeded.PageAsync("/practices?lang=en&region=&basis=consent&category=")).QuerySelector("main")!;
        var western = Html.Parse(await seeded.PageAsync("/practices?lang=en&region=western-europe-others")).QuerySelector("main")!;
        using var bad = await seeded.Http.GetAsync("/practices?lang=en&basis=because");
        var badMain = Html.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("main")!;

        string[] Titles(AngleSharp.Dom.IElement main) => [.. main.QuerySelectorAll("tbody tr th a[href^='/practices/']").Select(a => a.TextContent)];
        var form = all.QuerySelector("form.filters")!;
        Assert.Equal(("get", "/practices"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(["region", "basis", "category"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.Equal(["contact-details", "organisation"], form.QuerySelectorAll("#filter-category option").Skip(1).Select(o => o.GetAttribute("value")));
        Assert.Equal(["Member directory", "Newsletter"], Titles(all).Order(StringComparer.Ordinal));
        Assert.Equal(["Newsletter"], Titles(consent));
        Assert.Equal("consent", consent.QuerySelector("#filter-basis option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Member directory"], Titles(western));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a choice this register offers", badMain.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Titles(badMain));
    }

    [Fact]
    public async Task A_statement_page_says_its_fields_in_plain_words_with_its_versions_comments_and_disputes()
    {
        var document = Html.Parse(await seeded.PageAsync($"/practices/{seeded.PracticeId}?lang=en"));
        var main = document.QuerySelector("main")!;
        var facts = main.QuerySelector("dl.facts")!.TextContent;
        var versions = main.QuerySelectorAll("ol li").Select(li => li.TextContent).ToList();

        Assert.Equal("Member directory", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Alice states how it handles this data. This is version 2", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Legitimate interests: the organisation has a legitimate interest", facts, StringComparison.Ordinal);
        Assert.Contains("Hosting provider, in Asia-Pacific, on the ground of contract clauses that protect the data", facts, StringComparison.Ordinal);
        Assert.Equal("mailto:privacy@example.org", main.QuerySelector("dl.facts a")!.GetAttribute("href"));
        Assert.Equal(2, versions.Count);
        Assert.Contains("In force", versions[0], StringComparison.Ordinal);
        Assert.Contains("Replaced by a newer version: The data now stays in Africa.", versions[1], StringComparison.Ordinal);
        Assert.Equal($"/anchors/{seeded.PracticeId}", main.QuerySelectorAll("ol li a")[1].GetAttribute("href"));
        Assert.Contains("Where exactly? " + SeededNode.Script, main.QuerySelector("q")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nobody has opened a dispute about this statement.", main.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_French_the_map_and_the_statement_speak_French()
    {
        var map = Html.Parse(await seeded.PageAsync("/practices?lang=fr")).QuerySelector("main")!;
        var statement = Html.Parse(await seeded.PageAsync($"/practices/{seeded.PracticeId}?lang=fr")).QuerySelector("main")!;

        Assert.Contains("2 y conservent", map.QuerySelector("g.map-tile[data-region='africa']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Intérêts légitimes", statement.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remplacée par une version plus récente", statement.TextContent, StringComparison.Ordinal);
    }

    private static int Leading(string text) => int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
