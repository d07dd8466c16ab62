using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class BalancedVotingTests
{
    private static Ledger.Messages.Governance.SubmitProposal Upgrade(ProposalChain p) =>
        GovernanceMessages.Upgrade("Adopt 1.1", "# Upgrade to 1.1", "1.1.0", Core.Hashing.Hash256.Compute("release-1.1"u8), p.App.Height + 1000);

    [Fact]
    public void A_large_group_voting_yes_cannot_outvote_four_groups_voting_no()
    {
        var p = new ProposalChain();
        var crowd = p.RegisterMany("private-sector", 40);
        var id = p.SubmitAndOpen(Upgrade(p));

        p.VoteAll(crowd, id, YesNoBallot.Yes);
        p.VoteAll(ProposalChain.OnePerGroup.Where(k => k != TestChain.Founder("private-sector", 0)), id, YesNoBallot.No);
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.Contains("support 1/5", proposal.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_ballots_pass_under_one_member_one_vote_which_is_why_balanced_exists()
    {
        var p = new ProposalChain(ProposalChain.Rules(yesNo: VotingMethod.Majority));
        var crowd = p.RegisterMany("private-sector", 40);
        var id = p.SubmitAndOpen(Upgrade(p));

        p.VoteAll(crowd, id, YesNoBallot.Yes);
        p.VoteAll(ProposalChain.OnePerGroup.Where(k => k != TestChain.Founder("private-sector", 0)), id, YesNoBallot.No);
        p.RunUntilDue(id);

        Assert.Equal(ProposalStatus.Passed, p.Proposal(id).Status);
    }

    [Fact]
    public void Balanced_result_is_broken_down_by_group_and_by_region()
    {
        var p = new ProposalChain();
        var crowd = p.RegisterMany("private-sector", 6, region: "africa");
        var id = p.SubmitAndOpen(Upgrade(p));
        p.VoteAll(crowd, id, YesNoBallot.Yes);
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.Vote(TestChain.Founder("government", 1), id, YesNoBallot.No);

        var tally = p.App.GetProposalTally(id)!.Balanced!;
        Assert.Equal(5, tally.GroupsCounted);
        Assert.Equal(Rational.Half, tally.ByGroup["government"].Support);
        Assert.Equal(7, tally.ByGroup["private-sector"].Counts.Yes);
        Assert.Equal(6 + 5, tally.ByRegion["africa"].Yes); // the crowd and every group's first founder
        Assert.Equal(Rational.Of(9, 10), tally.BalancedSupport);

        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Passed, p.Proposal(id).Status);
    }

    [Fact]
    public void A_member_verified_after_voting_opened_cannot_vote()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(Upgrade(p));
        var late = p.Chain.Register("late-joiner", "technical");
        Assert.True(p.Chain.Member(late).IsVerified);

        var result = p.Chain.RefuseConsumingSequence(p.VoteTx(late, id, YesNoBallot.Yes), TxCode.Unauthorized);
        Assert.Contains("electorate", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0u, p.Proposal(id).Voters);
    }

    [Fact]
    public void A_re_vote_replaces_the_earlier_ballot()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(Upgrade(p));
        var voter = TestChain.Founder("government", 0);
        p.Vote(voter, id, YesNoBallot.No);
        p.Vote(voter, id, YesNoBallot.Yes);

        var tally = p.App.GetProposalTally(id)!.Balanced!;
        Assert.Equal(1, tally.Total.Yes);
        Assert.Equal(0, tally.Total.No);
        Assert.Equal(1u, p.Proposal(id).Voters);
    }
}
