using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class SecretBallotTests
{
    private static readonly string[] Options = ["Open minutes", "Closed minutes", "Summary only"];

    [Fact]
    public void An_unrevealed_commitment_does_not_count()
    {
        var p = new ProposalChain(ProposalChain.Rules(selection: VotingMethod.Approval));
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Minutes", "# How to keep minutes", Options, secret: true));
        var revealing = new[] { TestChain.Founder("government", 0), TestChain.Founder("technical", 0) };
        var silent = new[] { TestChain.Founder("civil-society", 1), TestChain.Founder("private-sector", 1), TestChain.Founder("intergovernmental", 1) };
        foreach (var voter in revealing)
        {
            Commit(p, id, voter, ApprovalBallot.Of(0));
        }

        foreach (var voter in silent)
        {
            Commit(p, id, voter, ApprovalBallot.Of(1));
        }

        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Revealing, p.Proposal(id).Status);
        foreach (var voter in revealing)
        {
            p.Chain.RunOk(p.Chain.Tx(voter, GovernanceMessages.Reveal(id, ApprovalBallot.Of(0), Salt(voter))));
        }

        var report = p.App.GetProposalTally(id)!;
        Assert.Equal(5, report.Secret!.Total.Committed);
        Assert.Equal(2, report.Secret.Total.Revealed);
        Assert.Equal(1, report.Secret.ByGroup["government"].Revealed);
        Assert.Equal(2, report.Approval!.Voters);

        p.RunUntilDue(id);
        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Passed, proposal.Status);
        Assert.Equal(1u, proposal.Winner); // option 0, though three committed to option 1
    }

    [Fact]
    public void A_reveal_that_does_not_match_its_commitment_is_refused()
    {
        var p = new ProposalChain(ProposalChain.Rules(selection: VotingMethod.Approval));
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Minutes", "# How to keep minutes", Options, secret: true));
        var voter = TestChain.Founder("government", 0);
        Commit(p, id, voter, ApprovalBallot.Of(0));
        p.RunUntilDue(id);

        var result = p.Chain.RefuseConsumingSequence(p.Chain.Tx(voter, GovernanceMessages.Reveal(id, ApprovalBallot.Of(1), Salt(voter))), TxCode.InvalidArgument);
        Assert.Contains("do not open your commitment", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_reveal_is_refused()
    {
        var p = new ProposalChain(ProposalChain.Rules(selection: VotingMethod.Approval));
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Minutes", "# How to keep minutes", Options, secret: true));
        var voter = TestChain.Founder("government", 0);
        Commit(p, id, voter, ApprovalBallot.Of(0));
        p.RunUntilDue(id);
        p.Chain.RunOk(p.Chain.Tx(voter, GovernanceMessages.Reveal(id, ApprovalBallot.Of(0), Salt(voter))));

        p.Chain.RefuseConsumingSequence(p.Chain.Tx(voter, GovernanceMessages.Reveal(id, ApprovalBallot.Of(0), Salt(voter))), TxCode.AlreadyExists);
    }

    [Fact]
    public void An_open_ballot_on_a_secret_proposal_and_a_reveal_during_the_commit_phase_are_refused()
    {
        var p = new ProposalChain(ProposalChain.Rules(selection: VotingMethod.Approval));
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Minutes", "# How to keep minutes", Options, secret: true));
        var voter = TestChain.Founder("government", 0);
        p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, ApprovalBallot.Of(0)), TxCode.InvalidArgument);
        Commit(p, id, voter, ApprovalBallot.Of(0));
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(voter, GovernanceMessages.Reveal(id, ApprovalBallot.Of(0), Salt(voter))), TxCode.WrongPhase);
    }

    private static void Commit(ProposalChain p, Hash256 id, PrivateKey voter, ApprovalBallot ballot) =>
        p.Chain.RunOk(p.Chain.Tx(voter, GovernanceMessages.Commit(id, p.Proposal(id).Document.Hash, p.Chain.Member(voter).Id, ballot, Salt(voter))));

    private static byte[] Salt(PrivateKey voter) => Hash256.Compute(voter.PublicKey.Id.ToArray()).ToArray();
}
