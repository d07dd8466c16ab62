using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using static Roundtable.Application.Tests.Notary.Anchors;

namespace Roundtable.Application.Tests.Notary;

/// <summary>Anchors revoked or superseded by an executed anchor-withdrawal proposal, driven through deliberation, voting and the timelock.</summary>
public sealed class AnchorWithdrawalProposalTests
{
    /// <summary>The anchors' author: not the proposal's author, as when the author is gone or acted in bad faith.</summary>
    private static readonly PrivateKey AnchorAuthor = TestChain.Founder("government", 0);

    private static SubmitProposal Withdraw(string content, string? replacement = null) =>
        GovernanceMessages.WithdrawAnchor("Withdraw " + content, "# It names a private person", Digest(content), replacement is null ? null : Digest(replacement), "It names a private person.");

    /// <summary>Submits, opens, and passes the proposal with a yes from every group; it is then in its timelock.</summary>
    private static Hash256 Pass(ProposalChain p, SubmitProposal proposal)
    {
        var id = p.SubmitAndOpen(proposal);
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Passed, p.Proposal(id).Status);
        return id;
    }

    /// <summary>The reason a submission is refused; the refused proposal does not exist.</summary>
    private static string RefusedAtSubmission(ProposalChain p, SubmitProposal proposal)
    {
        var result = p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, proposal), TxCode.InvalidArgument);
        Assert.Empty(p.App.ListProposals(10));
        return result.Reason;
    }

    [Fact]
    public void A_passed_proposal_revokes_the_anchor_when_its_timelock_ends_and_the_record_names_the_proposal()
    {
        var p = new ProposalChain();
        Anchored(p.Chain, AnchorAuthor, "leaked list");
        var id = Pass(p, Withdraw("leaked list"));

        p.Chain.ExecuteAt(p.Proposal(id).DueMs - 1);
        Assert.Equal(AnchorStatus.Active, Record(p.Chain, "leaked list").Status);

        p.RunUntilDue(id);
        var record = Record(p.Chain, "leaked list");
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);
        Assert.Equal(AnchorStatus.Revoked, record.Status);
        Assert.Equal(id, record.WithdrawingProposal);
        Assert.Equal("It names a private person.", record.StatusReason);
        Assert.Equal(p.App.Height, record.StatusHeight);
        Assert.Null(record.Replacement);
    }

    [Fact]
    public void A_passed_proposal_supersedes_the_anchor_by_an_active_replacement()
    {
        var p = new ProposalChain();
        Anchored(p.Chain, AnchorAuthor, "leaked list");
        Anchored(p.Chain, ProposalChain.Author, "redacted list");
        var id = Pass(p, Withdraw("leaked list", replacement: "redacted list"));

        p.RunUntilDue(id);

        var record = Record(p.Chain, "leaked list");
        Assert.Equal((AnchorStatus.Superseded, Digest("redacted list"), id), (record.Status, record.Replacement, record.WithdrawingProposal));
        Assert.Equal(AnchorStatus.Active, Record(p.Chain, "redacted list").Status);
    }

    [Fact]
    public void A_proposal_to_withdraw_an_anchor_that_does_not_exist_is_refused_at_submission()
    {
        var p = new ProposalChain();

        Assert.Contains("is anchored", RefusedAtSubmission(p, Withdraw("never anchored")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_to_withdraw_an_anchor_already_revoked_is_refused_at_submission()
    {
        var p = new ProposalChain();
        Anchored(p.Chain, AnchorAuthor, "leaked list");
        p.Chain.RunOk(p.Chain.Tx(AnchorAuthor, new RevokeAnchor(Digest("leaked list"), "Withdrawn by me.")));

        Assert.Contains("was revoked at height", RefusedAtSubmission(p, Withdraw("leaked list")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_naming_a_replacement_that_is_not_anchored_is_refused_at_submission()
    {
        var p = new ProposalChain();
        Anchored(p.Chain, AnchorAuthor, "leaked list");

        Assert.Contains(Digest("not yet anchored").ToShortString(), RefusedAtSubmission(p, Withdraw("leaked list", replacement: "not yet anchored")), StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_author_revokes_during_the_timelock_the_execution_fails_with_the_reason_and_changes_nothing()
    {
        var p = new ProposalChain();
        Anchored(p.Chain, AnchorAuthor, "leaked list");
        var id = Pass(p, Withdraw("leaked list"));
        p.Chain.RunOk(p.Chain.Tx(AnchorAuthor, new RevokeAnchor(Digest("leaked list"), "Withdrawn by me.")));
        var revokedByAuthor = Record(p.Chain, "leaked list");

        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.ExecutionFailed, proposal.Status);
        Assert.Contains("was revoked at height", proposal.Outcome, StringComparison.Ordinal);
        Records.AssertSame(revokedByAuthor, Record(p.Chain, "leaked list"));
        Assert.Null(Record(p.Chain, "leaked list").WithdrawingProposal);
    }

    [Fact]
    public void On_a_chain_whose_rules_predate_anchor_withdrawals_the_parameter_change_rule_decides_them()
    {
        var current = ProposalChain.Rules();
        var sixRules = current with { Rules = [.. current.Rules.Take(GovernanceParameters.KindCountWithoutAnchorWithdrawal)] };
        var p = new ProposalChain(sixRules);
        Anchored(p.Chain, AnchorAuthor, "leaked list");

        var id = Pass(p, Withdraw("leaked list"));
        p.RunUntilDue(id);

        Records.AssertSame(sixRules.Rules[(int)ProposalKind.ParameterChange - 1], p.Proposal(id).Rule);
        Assert.Equal(id, Record(p.Chain, "leaked list").WithdrawingProposal);
    }
}
