using System.Globalization;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Disputes;

/// <summary>
/// An appeal: a party puts the panel's remedy to a balanced vote of the whole membership. The vote
/// opens at the next block, without sponsors or deliberation (the statements were the
/// deliberation) and without a timelock; if it fails, the remedy never executes.
/// </summary>
public static class DisputeAppeals
{
    /// <summary>Opens the appeal vote, or refuses with the reason.</summary>
    public static void Appeal(TxContext ctx, AppealDecision m)
    {
        var sender = ctx.RequireSender();
        var dispute = DisputesModule.Require(ctx.State, m.Dispute);
        if (!dispute.IsParty(sender.Id))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only the claimant and the respondent can appeal a decision.");
        }

        DisputesModule.RequirePhase(ctx, dispute, DisputePhase.AppealWindow, "appeal");
        var decision = dispute.Decision!;
        if (decision.Remedy.Kind == RemedyKind.OrderNothing)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The decision orders nothing: there is no remedy to put to a vote.");
        }

        var id = ProposalId.For(sender.Id, sender.Sequence - 1);
        var action = new DisputeAppeal(dispute.Id);
        var rule = RuleFor(ProposalStore.Parameters(ctx.State));
        var title = $"Appeal of dispute {dispute.Id.ToShortString()}: carry out the remedy '{Remedy.NameOf(decision.Remedy.Kind)}'?";
        var proposal = new ProposalRecord(
            id, sender.Id, title, ProposalDocument.Inline(Document(dispute, decision, m.Reason)), action, sender.Id, false, rule,
            ProposalStatus.Deliberation, ctx.TimeMs, 0, 0, [], 0, 0, 0, string.Empty, default, string.Empty, 0);
        ProposalStore.Schedule(ctx.State, proposal, ctx.TimeMs);
        DisputesModule.Put(ctx.State, dispute with { AppealProposal = id });
    }

    /// <summary>
    /// The rule of an appeal vote: the stored rule for appeals (on older chains, the parameter-change
    /// rule), always balanced, with no sponsors, deliberation or timelock.
    /// </summary>
    public static ProposalRule RuleFor(GovernanceParameters governance) =>
        governance.RuleOf(ProposalKind.DisputeAppeal) with { Method = VotingMethod.Balanced, SponsorsRequired = 0, DeliberationMs = 0, TimelockMs = 0 };

    /// <summary>The pinned text the electorate votes on: the dispute, the decision and the appeal, in Markdown.</summary>
    private static string Document(DisputeRecord dispute, DecisionRecord decision, string reason) =>
        "# Appeal of dispute " + dispute.Id + "\n\n"
        + "- Subject: " + dispute.Subject + "\n"
        + "- Claimant: member " + dispute.Claimant + "\n"
        + "- Respondent: member " + dispute.Respondent + "\n"
        + "- Remedy ordered: " + Remedy.NameOf(decision.Remedy.Kind) + "\n"
        + "- Decision: " + decision.Digest + ", recorded at height " + decision.Height.ToString(NumberFormatInfo.InvariantInfo) + "\n\n"
        + "## The claim\n\n" + dispute.Claim + "\n\n"
        + "## The panel's rationale\n\n" + decision.Rationale + "\n\n"
        + "## The appeal\n\n" + reason + "\n\n"
        + "Vote yes to carry out the remedy, no to stop it.\n";
}
