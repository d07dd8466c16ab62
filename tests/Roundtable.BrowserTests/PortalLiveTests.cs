using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.BrowserTests.Support;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// An open page follows the chain: when a block changes a proposal's count, the page's tally is
/// re-read and swapped in place from the node's event stream, without a reload, and a screen
/// reader hears that it changed.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalLiveTests(Chromium chromium)
{
    [Fact]
    public async Task A_ballot_cast_elsewhere_updates_the_open_proposal_page_without_a_reload()
    {
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 10);
        // Registered before voting opens: the electorate is fixed then.
        using var voter = new Member(node);
        await voter.RegisterAsync("Voter");
        var (proposal, document) = await VotingProposal.OpenAsync(node);

        await using var reader = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await reader.GoAsync($"/proposals/{proposal}");
        await reader.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        Assert.Contains("0 ballot(s) counted.", await reader.Page.InnerTextAsync("#live-tally"), StringComparison.Ordinal);

        await voter.SendAsync(GovernanceMessages.Vote(proposal, document, ConsensusStatement.Supports()));

        await reader.Page.WaitForSelectorAsync("#live-tally :text('1 ballot(s) counted.')", new() { Timeout = 30_000 });
        Assert.True(await reader.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        Assert.StartsWith("Updated at block", await reader.Page.InnerTextAsync("#live-announce"), StringComparison.Ordinal);
    }
}
