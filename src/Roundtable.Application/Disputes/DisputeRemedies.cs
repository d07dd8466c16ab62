using Roundtable.Application.Execution;
using Roundtable.Application.Names;
using Roundtable.Application.Notary;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>
/// Carrying out a remedy that stands: a new transaction, sent by any member, naming the decision.
/// Nothing a dispute does rewrites a block; the remedy's writes are this transaction's.
/// </summary>
public static class DisputeRemedies
{
    /// <summary>Carries out the remedy, or refuses with the reason.</summary>
    public static void Execute(TxContext ctx, ExecuteRemedy m)
    {
        ctx.RequireSender();
        var dispute = DisputesModule.Require(ctx.State, m.Dispute);
        DisputesModule.RequirePhase(ctx, dispute, DisputePhase.RemedyDue, "carry out the remedy");
        var remedy = dispute.Decision!.Remedy;
        var subject = dispute.Subject;
        switch (remedy.Kind)
        {
            case RemedyKind.TransferName:
                NamesModule.TransferByDecision(ctx.State, RequireName(ctx, subject), remedy.Recipient, ctx.Height);
                break;
            case RemedyKind.SuspendName:
                NamesModule.SuspendByDecision(ctx.State, RequireName(ctx, subject), Until(ctx.TimeMs, remedy.DurationMs), ctx.Height);
                break;
            case RemedyKind.RevokeAnchor:
                NotaryModule.RevokeByDecision(ctx.State, subject.Id, dispute.Id, ctx.Height);
                break;
            case RemedyKind.SuspendVoting:
                var until = Until(ctx.TimeMs, remedy.DurationMs);
                var current = DisputesModule.VotingSuspendedAt(ctx.State, dispute.Respondent, ctx.TimeMs);
                ctx.State.Put(DisputeKeys.VotingSuspension(dispute.Respondent), current is not null && current.UntilMs >= until ? current : new VotingSuspension(until, dispute.Id));
                break;
            default:
                throw new InvalidOperationException($"Remedy {remedy.Kind} cannot be due.");
        }

        DisputesModule.Put(ctx.State, dispute with { RemedyHeight = ctx.Height });
    }

    private static NameHolding RequireName(TxContext ctx, DisputeSubject subject) =>
        NamesModule.GetName(ctx.State, subject.Zone, subject.Label)
        ?? throw new TxRejectedException(TxCode.NotFound, $"The name {subject.Label}.{subject.Zone} no longer exists.");

    private static ulong Until(ulong nowMs, ulong durationMs) => durationMs > ulong.MaxValue - nowMs ? ulong.MaxValue : nowMs + durationMs;
}
