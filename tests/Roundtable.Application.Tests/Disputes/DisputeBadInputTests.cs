using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Tests.Disputes;

/// <summary>Each refusal says why and changes nothing but the sender's sequence.</summary>
public sealed class DisputeBadInputTests
{
    [Fact]
    public void A_decision_signed_by_a_minority_of_the_panel_is_refused()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.RunUntil(d.Dispute(id).StatementsEndMs);

        var result = d.Chain.RefuseConsumingSequence(d.Chain.Tx(d.Panel(id)[0], d.Decision(id, Remedy.Nothing, 2)), TxCode.PanelMajorityMissing);

        Assert.Contains("3 of 5; 2 verified", result.Reason, StringComparison.Ordinal);
        Assert.Null(d.Dispute(id).Decision);
    }

    [Fact]
    public void A_party_cannot_sit_on_its_own_panel_nor_sign_its_decision()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.RunUntil(d.Dispute(id).StatementsEndMs);
        var decision = d.Decision(id, Remedy.Nothing, 2);
        var withParty = decision with
        {
            Signatures = [.. decision.Signatures, decision.Decision(TestChain.Id).SignWith(DisputeChain.Respondent)],
        };

        var submitted = d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Respondent, decision), TxCode.Unauthorized);
        var signed = d.Chain.RefuseConsumingSequence(d.Chain.Tx(d.Panel(id)[0], withParty), TxCode.Unauthorized);

        Assert.Contains("party cannot sit on its own panel", submitted.Reason, StringComparison.Ordinal);
        Assert.Contains("not the current key of a member of the panel", signed.Reason, StringComparison.Ordinal);
        d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Claimant, new DeclareConflict(id)), TxCode.InvalidArgument);
    }

    [Fact]
    public void A_remedy_not_in_the_list_is_refused_and_so_is_one_that_does_not_fit_the_subject()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.RunUntil(d.Dispute(id).StatementsEndMs);

        var unlisted = d.Chain.RefuseConsumingSequence(d.Chain.Tx(d.Panel(id)[0], d.Decision(id, Remedy.Revoke, 5)), TxCode.RemedyNotAllowed);
        var tooLong = d.Chain.RefuseConsumingSequence(
            d.Chain.Tx(d.Panel(id)[0], d.Decision(id, Remedy.Suspend(RemedyKind.SuspendName, DisputeChain.Rules.MaxSuspensionMs + 1), 5)), TxCode.RemedyNotAllowed);

        Assert.Contains("'revoke-anchor' is not one the rules allow", unlisted.Reason, StringComparison.Ordinal);
        Assert.Contains("at most", tooLong.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_after_its_deadline_or_from_someone_else_is_refused()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        var outsider = TestChain.Founder("government", 0);

        var stranger = d.Chain.RefuseConsumingSequence(d.Chain.Tx(outsider, new SubmitStatement(id, "I have views.", [])), TxCode.Unauthorized);
        d.RunUntil(d.Dispute(id).StatementsEndMs);
        var late = d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Claimant, new SubmitStatement(id, "One more thing.", [])), TxCode.WrongPhase);

        Assert.Contains("Only the claimant and the respondent", stranger.Reason, StringComparison.Ordinal);
        Assert.Contains("statement phase ended", late.Reason, StringComparison.Ordinal);
        Assert.Empty(d.App.ListStatements(id));
    }

    [Fact]
    public void A_dispute_about_nothing_or_against_oneself_is_refused()
    {
        var d = new DisputeChain();

        d.Chain.RefuseConsumingSequence(
            d.Chain.Tx(DisputeChain.Claimant, new FileDispute(DisputeSubject.OfName(DisputeChain.Zone, "nobody"), "Claim.", [])), TxCode.NotFound);
        d.Chain.RefuseConsumingSequence(
            d.Chain.Tx(DisputeChain.Claimant, new FileDispute(DisputeSubject.OfAnchor(Hash256.Compute("none"u8)), "Claim.", [])), TxCode.NotFound);
        var self = d.Chain.RefuseConsumingSequence(
            d.Chain.Tx(DisputeChain.Respondent, new FileDispute(DisputeChain.Name, "Claim.", [])), TxCode.InvalidArgument);

        Assert.Contains("against themself", self.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appeal_after_the_window_or_by_a_stranger_is_refused()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.Decide(id, Remedy.Transfer(DisputeChain.Claimant.PublicKey.Id));

        d.Chain.RefuseConsumingSequence(d.Chain.Tx(TestChain.Founder("government", 0), new AppealDecision(id, "Unfair.")), TxCode.Unauthorized);
        d.RunUntil(d.Dispute(id).AppealEndMs);
        var late = d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Respondent, new AppealDecision(id, "Unfair.")), TxCode.WrongPhase);

        Assert.Contains("appeal window closed", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paused_disputes_module_refuses_its_messages_until_the_pause_ends()
    {
        var p = new ProposalChain();
        var pause = p.PauseModule("disputes", "A flood of frivolous filings");
        var volunteer = TestChain.Founder("technical", 0);

        var result = p.Chain.RefuseConsumingSequence(p.Chain.Tx(volunteer, new VolunteerAsArbitrator(true)), TxCode.ModulePaused);

        Assert.Contains("disputes module is paused", result.Reason, StringComparison.Ordinal);
        p.Chain.ExecuteAt(pause.UntilMs);
        p.Chain.RunOk(p.Chain.Tx(volunteer, new VolunteerAsArbitrator(true)));
    }
}
