using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests.Support;

/// <summary>A recommendation (rough consensus) submitted and sponsored by two fresh members, once its voting has opened.</summary>
public static class VotingProposal
{
    public static async Task<(Hash256 Id, Hash256 Document)> OpenAsync(TestNode node)
    {
        using var author = new Member(node);
        using var sponsor = new Member(node);
        await author.RegisterAsync("Author");
        await sponsor.RegisterAsync("Sponsor");
        var submit = GovernanceMessages.Recommendation("Open minutes", "# Minutes\n\nPublished within a week.\n");
        var proposal = ProposalId.For(author.Key.PublicKey.Id, author.Sequence);
        await author.SendAsync(submit);
        await sponsor.SendAsync(new SponsorProposal(proposal));
        await TestNode.Until(async () => (await node.Http.GetStringAsync($"/api/v1/proposals/{proposal}")).Contains("\"status\":\"voting\"", StringComparison.Ordinal), "voting to open");
        return (proposal, submit.Document.Hash);
    }
}
