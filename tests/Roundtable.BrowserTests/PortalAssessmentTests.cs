using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.BrowserTests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// Grading an assessment in the portal, in Chromium against a real node: the page offers one group
/// of grades per criterion, refuses a ballot that leaves a criterion out before anything is signed,
/// and a complete one is signed in the browser and counted as the chain counts it.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalAssessmentTests(Chromium chromium)
{
    private static readonly string[] Criteria = ["Transparency", "Openness"];
    private static readonly string[] Grades = ["poor", "fair", "good", "very good", "excellent"];

    [Fact]
    public async Task A_member_grades_every_criterion_in_the_page_and_the_chain_counts_those_grades()
    {
        // Long enough for a person to grade in the voting period on a loaded machine.
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 12);
        await using var person = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await person.JoinAsync("correct horse battery", "Kenji", "technical", "asia-pacific");
        using var chair = new Member(node);
        using var sponsor = new Member(node);
        await chair.RegisterAsync("Chair");
        await sponsor.RegisterAsync("Sponsor");
        var assessment = await AssessmentInDeliberationAsync(node, chair, sponsor);

        await TestNode.Until(async () => await StatusAsync(node, assessment) == "voting", "grading to open", seconds: 60);
        await person.GoAsync($"/proposals/{assessment}");
        Assert.Equal("grades", await person.Page.GetAttributeAsync("#vote", "data-method"));
        Assert.Equal(Criteria, await person.Page.Locator("#vote fieldset[data-criterion] legend").AllInnerTextsAsync());
        Assert.Equal([.. Grades.Reverse()], await person.Page.Locator("#vote fieldset[data-criterion='0'] label").AllInnerTextsAsync());
        await Accessibility.AssertNoViolationsAsync(person.Page, "an assessment open for grading");

        await person.Page.CheckAsync("#ballot-grade-0-4");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => person.SendAsync("#vote"));
        Assert.Contains("Give every criterion a grade.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (int?)(await ProposalAsync(node, assessment))["result"]?["assessment"]?["voters"] ?? 0);

        await person.Page.CheckAsync("#ballot-grade-1-2");
        await person.SendAsync("#vote");

        var counted = (await ProposalAsync(node, assessment))["result"]!["assessment"]!;
        Assert.Equal(1, (int)counted["voters"]!);
        Assert.Equal("excellent", (string?)counted["criteria"]![0]!["overall"]!["name"]);
        Assert.Equal("good", (string?)counted["criteria"]![1]!["overall"]!["name"]);
    }

    /// <summary>An anchored initiative, criteria adopted by consensus (the chair calls it), and an assessment of the initiative against them, sponsored.</summary>
    private static async Task<Hash256> AssessmentInDeliberationAsync(TestNode node, Member chair, Member sponsor)
    {
        var digest = Hash256.Compute("An initiative to assess"u8);
        await chair.SendAsync(new AnchorDocument(digest, new AnchorMetadata("The initiative", "text/plain", 23, null, []), []));
        var criteria = GovernanceMessages.Recommendation("Principles", "1. Transparency\n2. Openness");
        var criteriaList = ProposalId.For(Hash256.Parse(chair.Id), chair.Sequence);
        await chair.SendAsync(criteria);
        await sponsor.SendAsync(new SponsorProposal(criteriaList));
        await TestNode.Until(async () => await StatusAsync(node, criteriaList) == "voting", "the criteria vote", seconds: 60);
        await chair.SendAsync(GovernanceMessages.Vote(criteriaList, criteria.Document.Hash, Application.Governance.Tallying.ConsensusStatement.Supports()));
        await TestNode.Until(async () => await StatusAsync(node, criteriaList) == "awaiting-call", "the chair's call", seconds: 60);
        await chair.SendAsync(new CallConsensus(criteriaList, true, "Nobody objected."));
        await TestNode.Until(async () => await StatusAsync(node, criteriaList) is "passed" or "executed", "the criteria to be adopted", seconds: 60);

        var assessment = ProposalId.For(Hash256.Parse(chair.Id), chair.Sequence);
        await chair.SendAsync(GovernanceMessages.Assess("How open is the initiative?", "# Grade it", digest, criteriaList, Criteria, Grades));
        await sponsor.SendAsync(new SponsorProposal(assessment));
        return assessment;
    }

    private static async Task<string?> StatusAsync(TestNode node, Hash256 proposal) => (string?)(await ProposalAsync(node, proposal))["status"];

    private static async Task<JsonObject> ProposalAsync(TestNode node, Hash256 proposal) =>
        (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{proposal}"))!;
}
