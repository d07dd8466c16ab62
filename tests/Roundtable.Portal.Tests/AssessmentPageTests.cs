using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>An assessment's proposal page, rendered on the server from the seeded chain's graded minutes.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class AssessmentPageTests(SeededNode seeded)
{
    [Fact]
    public async Task Each_criterion_shows_its_majority_grade_in_words_a_chart_and_the_same_figures_in_a_table_without_script()
    {
        var document = Html.Parse(await seeded.PageAsync($"/proposals/{seeded.AssessmentId}?lang=en"));
        var criteria = document.QuerySelectorAll("section.assessment-criterion");

        Assert.Equal(2, criteria.Length);
        Assert.Equal("Transparency", criteria[0].QuerySelector("h3")!.TextContent);
        Assert.Contains("Majority grade: fair.", criteria[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Majority grade: good.", criteria[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(criteria[0].QuerySelector("svg[role=img] title"));
        Assert.Equal("Ballots per grade for “Transparency”", criteria[0].QuerySelector("svg title")!.TextContent);
        var rows = criteria[0].QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        Assert.Equal(["poor", "fair", "good", "very good", "excellent"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["0", "2", "0", "0", "1"], rows.Select(r => r.QuerySelectorAll("td")[0].TextContent));
        Assert.Null(criteria[0].QuerySelector("script"));
        Assert.Contains(SeededNode.EncodedScript, criteria[1].QuerySelector("h3")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_names_the_subject_and_the_criteria_list_and_speaks_french()
    {
        var document = Html.Parse(await seeded.PageAsync($"/proposals/{seeded.AssessmentId}?lang=fr"));
        var main = document.QuerySelector("main")!;

        Assert.NotNull(main.QuerySelector($"a[href='/anchors/{seeded.AnchorDigest}']"));
        Assert.NotNull(main.QuerySelector($"a[href='/proposals/{seeded.CriteriaListId}']"));
        Assert.Contains("Mention majoritaire : fair.", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chaque groupe pesant autant", main.TextContent, StringComparison.Ordinal);
    }
}
