using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class OrderIndependenceTests
{
    private static readonly (string Group, int Index, VoteChoice Choice)[] Ballots =
    [
        ("civil-society", 0, VoteChoice.Yes), ("civil-society", 1, VoteChoice.No), ("government", 0, VoteChoice.Yes),
        ("government", 1, VoteChoice.Yes), ("intergovernmental", 0, VoteChoice.No), ("private-sector", 1, VoteChoice.Abstain),
        ("technical", 0, VoteChoice.Yes), ("technical", 1, VoteChoice.No),
    ];

    [Fact]
    public void The_count_does_not_depend_on_the_order_or_the_blocks_in_which_ballots_arrive()
    {
        var forward = Run(Ballots, perBlock: 1);
        var backward = Run([.. Ballots.Reverse()], perBlock: 3);

        Assert.Equal(forward.Outcome, backward.Outcome);
        Assert.Equal(forward.Status, backward.Status);
        Assert.Equal(forward.Support, backward.Support);
        Assert.Equal(forward.Yes, backward.Yes);
    }

    private static (ProposalStatus Status, string Outcome, Rational? Support, int Yes) Run((string Group, int Index, VoteChoice Choice)[] ballots, int perBlock)
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1", "1.1", Hash256.Compute("r"u8), 10_000));
        foreach (var chunk in ballots.Chunk(perBlock))
        {
            var results = p.Chain.Execute([.. chunk.Select(b => p.VoteTx(Voter(b.Group, b.Index), id, new YesNoBallot(b.Choice)))]).Results;
            Assert.All(results, r => Assert.True(r.IsOk, r.Reason));
        }

        var tally = p.App.GetProposalTally(id)!.Balanced!;
        p.RunUntilDue(id);
        var proposal = p.Proposal(id);
        return (proposal.Status, proposal.Outcome, tally.BalancedSupport, tally.Total.Yes);
    }

    private static PrivateKey Voter(string group, int index) => TestChain.Founder(group, index);
}
