using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>Recording a panel's decision: a listed remedy that fits the subject, signed by a majority of the panel.</summary>
public static class DisputeDecisions
{
    /// <summary>Records the decision, or refuses with the reason; nothing changes on a refusal.</summary>
    public static void Decide(TxContext ctx, DecideDispute m)
    {
        var sender = ctx.RequireSender();
        var dispute = DisputesModule.Require(ctx.State, m.Dispute);
        if (dispute.IsParty(sender.Id))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "A party cannot sit on its own panel, nor submit its decision.");
        }

        var panel = dispute.Panel?.Members ?? [];
        if (!panel.Contains(sender.Id))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only a member of the dispute's panel submits its decision.");
        }

        DisputesModule.RequirePhase(ctx, dispute, DisputePhase.Deliberation, "record a decision");
        RequireAllowed(ctx, dispute, m.Remedy);
        var decision = m.Decision(ctx.ChainId);
        var signers = Signers(ctx, panel, decision, m.Signatures);
        if (signers.Count * 2 <= panel.Count)
        {
            throw new TxRejectedException(
                TxCode.PanelMajorityMissing,
                $"A decision needs the signatures of more than half of the panel: {panel.Count / 2 + 1} of {panel.Count}; {signers.Count} verified.");
        }

        DisputesModule.Put(ctx.State, dispute with
        {
            Decision = new DecisionRecord(m.Remedy, m.Rationale, decision.Digest, signers, ctx.Height, ctx.TimeMs),
        });
    }

    /// <summary>Refuses a remedy the dispute's rules do not list, one that does not fit its subject, or an overlong suspension.</summary>
    private static void RequireAllowed(TxContext ctx, DisputeRecord dispute, Remedy remedy)
    {
        var rules = dispute.Rules;
        if (!rules.Allows(remedy.Kind))
        {
            throw new TxRejectedException(
                TxCode.RemedyNotAllowed,
                $"The remedy '{Remedy.NameOf(remedy.Kind)}' is not one the rules allow; they list {string.Join(", ", rules.Remedies.Select(Remedy.NameOf))}.");
        }

        var fits = remedy.Kind switch
        {
            RemedyKind.TransferName or RemedyKind.SuspendName => dispute.Subject.Kind == DisputeSubjectKind.Name,
            RemedyKind.RevokeAnchor => dispute.Subject.Kind == DisputeSubjectKind.Anchor,
            _ => true,
        };
        if (!fits)
        {
            throw new TxRejectedException(TxCode.RemedyNotAllowed, $"The remedy '{Remedy.NameOf(remedy.Kind)}' does not apply to a dispute about {dispute.Subject}.");
        }

        if (remedy.IsSuspension && remedy.DurationMs > rules.MaxSuspensionMs)
        {
            throw new TxRejectedException(TxCode.RemedyNotAllowed, $"A suspension lasts at most {rules.MaxSuspensionMs} ms under the rules of this dispute.");
        }

        if (remedy.Kind == RemedyKind.TransferName)
        {
            if (MembersModule.GetMember(ctx.State, remedy.Recipient) is not { IsActive: true })
            {
                throw new TxRejectedException(TxCode.NotFound, $"No active member {remedy.Recipient.ToShortString()} to receive the name.");
            }

            if (remedy.Recipient == dispute.Respondent)
            {
                throw new TxRejectedException(TxCode.InvalidArgument, "The respondent already holds the name; a transfer goes to someone else.");
            }
        }
    }

    /// <summary>
    /// The panelists whose current keys signed <paramref name="decision"/>, by member id. A
    /// signature by a key that is no panelist's (a party's, say), a signature that does not verify,
    /// or a panelist signing twice is refused with the reason.
    /// </summary>
    private static IReadOnlyList<Hash256> Signers(TxContext ctx, IReadOnlyList<Hash256> panel, DisputeDecision decision, IReadOnlyList<PanelSignature> signatures)
    {
        var bytes = decision.SignedBytes();
        var signers = new List<Hash256>();
        foreach (var signature in signatures)
        {
            var owner = MembersModule.GetKeyOwner(ctx.State, signature.Key);
            var member = owner is { } id ? MembersModule.GetMember(ctx.State, id) : null;
            if (member is null || !member.Key.Equals(signature.Key) || !panel.Contains(member.Id))
            {
                throw new TxRejectedException(TxCode.Unauthorized, $"Key {signature.Key.Id.ToShortString()} is not the current key of a member of the panel.");
            }

            if (!SignatureVerifier.Verify(signature.Key, bytes, signature.Signature))
            {
                throw new TxRejectedException(TxCode.BadSignature, $"The signature of panelist {member.Id.ToShortString()} does not verify over this decision.");
            }

            if (signers.Contains(member.Id))
            {
                throw new TxRejectedException(TxCode.Duplicate, $"Panelist {member.Id.ToShortString()} signed twice.");
            }

            signers.Add(member.Id);
        }

        return [.. signers.Order()];
    }
}
