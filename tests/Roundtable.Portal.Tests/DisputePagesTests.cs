using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>The disputes pages, rendered on the server from the seeded chain's dispute about Alice's name.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class DisputePagesTests(SeededNode seeded)
{
    [Fact]
    public async Task The_disputes_page_lists_each_dispute_with_its_parties_and_where_it_stands_in_plain_words()
    {
        var document = Html.Parse(await seeded.PageAsync("/disputes?lang=en"));
        var row = document.QuerySelector("main tbody tr")!;

        Assert.Equal("Disputes", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("the name " + SeededNode.AliceName, row.QuerySelector("th a")!.TextContent);
        Assert.Equal($"/disputes/{seeded.DisputeId}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("Alice", row.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("closed: no panel could be formed", row.QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public async Task A_dispute_page_shows_its_steps_the_claim_as_text_and_why_no_panel_sat()
    {
        var document = Html.Parse(await seeded.PageAsync($"/disputes/{seeded.DisputeId}?lang=fr"));
        var main = document.QuerySelector("main")!;

        Assert.Equal("Litige concernant le nom " + SeededNode.AliceName, document.QuerySelector("h1")!.TextContent);
        Assert.Contains("clos : aucun panel n’a pu être formé", main.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, main.QuerySelectorAll("ol.steps li").Length);
        Assert.Equal("step", main.QuerySelector("ol.steps li[aria-current]")!.GetAttribute("aria-current"));
        Assert.Contains("This name is mine " + SeededNode.Script, main.TextContent, StringComparison.Ordinal);
        Assert.Null(main.QuerySelector("script"));
        Assert.Contains("the rules need at least 3", main.TextContent, StringComparison.Ordinal);
    }
}
