using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Tests.Disputes;

/// <summary>A dispute from filing to remedy: the draw, statements, a majority decision, the appeal window, and the remedy as a later transaction.</summary>
public sealed class DisputeLifecycleTests
{
    [Fact]
    public void A_name_dispute_runs_from_filing_to_the_transfer_of_the_name()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        var dispute = d.Dispute(id);
        Assert.Equal((DisputeChain.Claimant.PublicKey.Id, DisputeChain.Respondent.PublicKey.Id), (dispute.Claimant, dispute.Respondent));
        Assert.Equal(5, dispute.Panel!.Members.Count);

        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Claimant, new SubmitStatement(id, "We hold the trademark.", [Hash256.Compute("trademark"u8)])));
        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Respondent, new SubmitStatement(id, "The name was free when I registered it.", [])));
        Assert.Equal(2, d.App.ListStatements(id).Count);

        d.Decide(id, Remedy.Transfer(DisputeChain.Claimant.PublicKey.Id));
        Assert.Equal(3, d.Dispute(id).Decision!.Signers.Count);

        // The remedy waits for the appeal window to close.
        var early = d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Claimant, new ExecuteRemedy(id)), TxCode.WrongPhase);
        Assert.Contains("appeal window is open", early.Reason, StringComparison.Ordinal);

        d.RunUntil(d.Dispute(id).AppealEndMs);
        Assert.Equal(DisputePhase.RemedyDue, d.Phase(id));
        var anyone = TestChain.Founder("government", 0);
        d.Chain.RunOk(d.Chain.Tx(anyone, new ExecuteRemedy(id)));

        var name = d.App.GetName(DisputeChain.Zone, "shop")!;
        Assert.Equal(DisputeChain.Claimant.PublicKey.Id, name.Holder);
        Assert.Empty(name.Records);
        Assert.Equal(d.App.Height, d.App.GetZoneVersion(DisputeChain.Zone).ChangedAtHeight);
        Assert.Equal((DisputePhase.RemedyExecuted, d.App.Height), (d.Phase(id), d.Dispute(id).RemedyHeight));
        d.Chain.RefuseConsumingSequence(d.Chain.Tx(anyone, new ExecuteRemedy(id)), TxCode.WrongPhase);
    }

    [Fact]
    public void The_draw_seats_one_volunteer_per_group_never_a_party_and_is_reproducible_from_the_record()
    {
        var d = new DisputeChain();
        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Respondent, new VolunteerAsArbitrator(true)));
        var id = d.FileAndDraw();

        var panel = d.Dispute(id).Panel!;
        Assert.DoesNotContain(DisputeChain.Respondent.PublicKey.Id, panel.Members);
        Assert.DoesNotContain(DisputeChain.Respondent.PublicKey.Id, panel.Candidates.Select(c => c.Member));
        Assert.Equal(TestChain.Groups.Order(StringComparer.Ordinal), panel.Candidates.Where(c => panel.Members.Contains(c.Member)).Select(c => c.Group).Order(StringComparer.Ordinal));
        Assert.Equal(d.Dispute(id).FiledHeight + 1, panel.SeedHeight);

        var again = PanelDraw.Seat(id, panel.SeedBlockId, panel.Candidates, TestChain.Groups, d.Dispute(id).Rules.PanelSize);
        Assert.Equal(panel.Members, again);
        Assert.Equal(d.Chain.Replay().StateRoot, d.App.StateRoot);
    }

    [Fact]
    public void A_panelist_who_declares_a_conflict_is_replaced_from_the_same_group()
    {
        var d = new DisputeChain();
        var spare = d.Chain.Register("spare technologist", "technical");
        d.Chain.RunOk(d.Chain.Tx(spare, new VolunteerAsArbitrator(true)));
        var id = d.FileAndDraw();
        var technical = TestChain.Founder("technical", 1);
        var seated = d.Dispute(id).Panel!.Members.Contains(technical.PublicKey.Id) ? technical : spare;
        var other = seated == technical ? spare : technical;

        d.Chain.RunOk(d.Chain.Tx(seated, new DeclareConflict(id)));

        var members = d.Dispute(id).Panel!.Members;
        Assert.DoesNotContain(seated.PublicKey.Id, members);
        Assert.Contains(other.PublicKey.Id, members);
        Assert.Equal(5, members.Count);
        Assert.Contains(seated.PublicKey.Id, d.Dispute(id).Conflicts);
    }

    [Fact]
    public void Too_few_volunteers_close_the_dispute_without_a_panel()
    {
        var d = new DisputeChain(arbitratorGroups: ["government", "technical"]);
        var id = d.FileAndDraw(DisputePhase.NoPanel);

        Assert.Contains("the rules need at least 3", d.Dispute(id).Panel!.Failure, StringComparison.Ordinal);
        d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Claimant, new SubmitStatement(id, "Late.", [])), TxCode.WrongPhase);
    }

    [Fact]
    public void An_appealed_remedy_executes_only_if_the_balanced_vote_upholds_it()
    {
        foreach (var upheld in new[] { true, false })
        {
            var d = new DisputeChain();
            var id = d.FileAndDraw();
            d.Decide(id, Remedy.Transfer(DisputeChain.Claimant.PublicKey.Id));

            d.Chain.RunOk(d.Chain.Tx(DisputeChain.Respondent, new AppealDecision(id, "The panel ignored my registration date.")));
            var appeal = d.Dispute(id).AppealProposal!.Value;
            Assert.Equal(DisputePhase.Appealed, d.Phase(id));
            d.Proposals.RunUntilDue(appeal);
            var proposal = d.Proposals.Proposal(appeal);
            Assert.Equal((ProposalStatus.Voting, VotingMethod.Balanced), (proposal.Status, proposal.Rule.Method));

            d.Proposals.VoteAll(ProposalChainVoters(), appeal, upheld ? YesNoBallot.Yes : YesNoBallot.No);
            d.Proposals.RunUntilDue(appeal);
            while (!d.Proposals.Proposal(appeal).Status.IsFinal())
            {
                d.Proposals.RunUntilDue(appeal);
            }

            var remedy = d.Chain.Tx(DisputeChain.Claimant, new ExecuteRemedy(id));
            if (upheld)
            {
                Assert.Equal(DisputePhase.RemedyDue, d.Phase(id));
                d.Chain.RunOk(remedy);
                Assert.Equal(DisputeChain.Claimant.PublicKey.Id, d.App.GetName(DisputeChain.Zone, "shop")!.Holder);
            }
            else
            {
                Assert.Equal(DisputePhase.Overturned, d.Phase(id));
                var refused = d.Chain.RefuseConsumingSequence(remedy, TxCode.WrongPhase);
                Assert.Contains("rejected the remedy", refused.Reason, StringComparison.Ordinal);
                Assert.Equal(DisputeChain.Respondent.PublicKey.Id, d.App.GetName(DisputeChain.Zone, "shop")!.Holder);
            }
        }
    }

    [Fact]
    public void A_decision_that_orders_nothing_closes_the_dispute_after_the_appeal_window()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.Decide(id, Remedy.Nothing);

        d.Chain.RefuseConsumingSequence(d.Chain.Tx(DisputeChain.Claimant, new AppealDecision(id, "Unfair.")), TxCode.InvalidArgument);
        d.RunUntil(d.Dispute(id).AppealEndMs);

        Assert.Equal(DisputePhase.Closed, d.Phase(id));
        Assert.Equal(DisputeChain.Respondent.PublicKey.Id, d.App.GetName(DisputeChain.Zone, "shop")!.Holder);
    }

    [Fact]
    public void A_panel_that_does_not_decide_in_time_lets_the_dispute_lapse()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.RunUntil(d.Dispute(id).DecisionDeadlineMs);

        Assert.Equal(DisputePhase.Lapsed, d.Phase(id));
        var late = d.Chain.RefuseConsumingSequence(d.Chain.Tx(d.Panel(id)[0], d.Decision(id, Remedy.Nothing, 5)), TxCode.WrongPhase);
        Assert.Contains("deadline for a decision passed", late.Reason, StringComparison.Ordinal);
    }

    /// <summary>Every founder: a balanced electorate with two members per group.</summary>
    private static IEnumerable<Roundtable.Core.Crypto.PrivateKey> ProposalChainVoters() =>
        TestChain.Groups.SelectMany(g => new[] { TestChain.Founder(g, 0), TestChain.Founder(g, 1) });
}
