using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Tests.Governance.Proposals;

/// <summary>Every refusal has a clear code and reason and changes nothing but the sender's sequence (checked against a twin chain).</summary>
public sealed class BadInputTests
{
    private static readonly SubmitProposal Upgrade = GovernanceMessages.Upgrade("Upgrade", "# 1.1", "1.1", Hash256.Compute("r"u8), 10_000);

    [Fact]
    public void Voting_before_the_vote_opens_or_after_it_closes_is_refused()
    {
        var p = new ProposalChain();
        var voter = TestChain.Founder("government", 0);
        var id = p.Submit(ProposalChain.Author, Upgrade);
        var early = p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, YesNoBallot.Yes), TxCode.WrongPhase);
        Assert.Contains("deliberation", early.Reason, StringComparison.Ordinal);

        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Sponsor, new SponsorProposal(id)));
        p.RunUntilDue(id);
        p.RunUntilDue(id);
        var late = p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, YesNoBallot.Yes), TxCode.WrongPhase);
        Assert.Contains("rejected", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_not_verified_when_voting_opened_is_outside_the_electorate()
    {
        var p = new ProposalChain(admission: AdmissionRule.Attestation);
        var unverified = p.Chain.Register("unverified");
        var id = p.SubmitAndOpen(Upgrade);

        var result = p.Chain.RefuseConsumingSequence(p.VoteTx(unverified, id, YesNoBallot.Yes), TxCode.Unauthorized);
        Assert.Contains("electorate", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_ballot_is_refused()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(Upgrade);
        var tx = p.Chain.Tx(TestChain.Founder("government", 0), new CastVote(id, p.Proposal(id).Document.Hash, [9]));

        var result = p.Chain.RefuseConsumingSequence(tx, TxCode.Malformed);
        Assert.Contains("not a valid balanced ballot", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ranked_ballot_for_another_number_of_options_is_refused()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Pick", "# Pick", ["a", "b", "c"]));
        p.Chain.RefuseConsumingSequence(p.VoteTx(TestChain.Founder("government", 0), id, RankedBallot.FromOrder(2, 0, 1)), TxCode.InvalidArgument);
    }

    [Fact]
    public void Sending_the_recorded_ballot_again_is_refused_as_a_duplicate()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(Upgrade);
        var voter = TestChain.Founder("government", 0);
        p.Vote(voter, id, YesNoBallot.Yes);

        p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, YesNoBallot.Yes), TxCode.Duplicate);
    }

    [Fact]
    public void A_ballot_bound_to_a_replaced_document_is_refused()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, Upgrade);
        var original = p.Proposal(id).Document.Hash;
        p.Chain.RunOk(p.Chain.Tx(TestChain.Founder("government", 0), new ProposeAmendment(id, ProposalDocument.Inline("# 1.1, with notes"), "Release notes.")));
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Author, new ResolveAmendment(id, 0, Accept: true)));
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Sponsor, new SponsorProposal(id)));
        p.RunUntilDue(id);

        var tx = p.Chain.Tx(TestChain.Founder("government", 0), GovernanceMessages.Vote(id, original, YesNoBallot.Yes));
        var result = p.Chain.RefuseConsumingSequence(tx, TxCode.InvalidArgument);
        Assert.Contains("pinned document", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Amendments_to_a_proposal_past_deliberation_are_refused()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(Upgrade);
        var amendment = new ProposeAmendment(id, ProposalDocument.Inline("# Too late"), "Late idea.");

        var result = p.Chain.RefuseConsumingSequence(p.Chain.Tx(TestChain.Founder("government", 0), amendment), TxCode.WrongPhase);
        Assert.Contains("voting", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Amendments_to_a_withdrawn_proposal_are_refused()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, Upgrade);
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Author, new WithdrawProposal(id)));
        Assert.Equal(ProposalStatus.Withdrawn, p.Proposal(id).Status);

        var amendment = new ProposeAmendment(id, ProposalDocument.Inline("# Revived"), "Bring it back.");
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(TestChain.Founder("government", 0), amendment), TxCode.WrongPhase);
    }

    [Fact]
    public void Only_the_author_withdraws_or_resolves_and_the_author_cannot_sponsor()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, Upgrade);
        var other = TestChain.Founder("government", 0);
        p.Chain.RunOk(p.Chain.Tx(other, new ProposeAmendment(id, ProposalDocument.Inline("# Other"), "Other.")));

        p.Chain.RefuseConsumingSequence(p.Chain.Tx(other, new WithdrawProposal(id)), TxCode.Unauthorized);
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(other, new ResolveAmendment(id, 0, true)), TxCode.Unauthorized);
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, new SponsorProposal(id)), TxCode.Unauthorized);
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, new ResolveAmendment(id, 7, true)), TxCode.NotFound);
    }

    [Fact]
    public void Votes_on_an_unknown_proposal_are_refused()
    {
        var p = new ProposalChain();
        var tx = p.Chain.Tx(TestChain.Founder("government", 0), GovernanceMessages.Vote(Hash256.Compute("nothing"u8), Hash256.Zero, YesNoBallot.Yes));
        p.Chain.RefuseConsumingSequence(tx, TxCode.NotFound);
    }

    [Fact]
    public void A_secret_consensus_proposal_is_refused()
    {
        var p = new ProposalChain();
        var secret = ProposalChain.Recommendation() with { Secret = true };
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, secret), TxCode.InvalidArgument);
    }
}
