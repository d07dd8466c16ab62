using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Notary;

/// <summary>
/// The notary: members anchor documents by SHA-256 digest with public metadata and lineage, others
/// co-sign, authors (or executed proposals) revoke or supersede. One anchor per digest, at <see cref="NotaryKeys.Anchor"/>,
/// so a file's hash alone names the key whose proof says whether it was anchored. Pure: reads and
/// writes only the state view. See docs/notary.md.
/// </summary>
public static class NotaryModule
{
    /// <summary>True for the message types this module executes (80–95).</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.AnchorDocument and <= (MessageType)95;

    /// <summary>The anchor of <paramref name="digest"/>, or null.</summary>
    public static AnchorRecord? GetAnchor(StateView state, Hash256 digest) => state.Get<AnchorRecord>(NotaryKeys.Anchor(digest));

    /// <summary>Executes one notary message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case AnchorDocument m: Anchor(ctx, m); break;
            case CosignAnchor m: Cosign(ctx, m.Digest); break;
            case RevokeAnchor m: Withdraw(ctx, m.Digest, m.Reason, null); break;
            case SupersedeAnchor m: Withdraw(ctx, m.Digest, m.Reason, m.Replacement); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The notary module does not handle {message.Type}.");
        }
    }

    private static void Anchor(TxContext ctx, AnchorDocument m)
    {
        var sender = ctx.RequireSender();
        if (GetAnchor(ctx.State, m.Digest) is { } existing)
        {
            throw new TxRejectedException(
                TxCode.AlreadyExists,
                $"Document {m.Digest.ToShortString()} is already anchored by member {existing.Author.Member.ToShortString()} at height {existing.AnchoredHeight}; co-sign it instead.");
        }

        foreach (var link in m.Links)
        {
            if (GetAnchor(ctx.State, link.Parent) is null)
            {
                throw new TxRejectedException(TxCode.NotFound, $"The lineage parent {link.Parent.ToShortString()} is not anchored; anchor it first.");
            }

            ctx.State.Put(NotaryKeys.Child(link.Parent, m.Digest), new LineageChild(link.Relation));
        }

        ctx.State.Put(NotaryKeys.Anchor(m.Digest), AnchorRecord.Anchored(m.Digest, SignerNow(ctx, sender), m.Metadata, m.Links));
        ctx.State.Put(NotaryKeys.MemberAnchor(sender.Id, m.Digest), new MemberAnchor(AnchorRole.Author));
    }

    private static void Cosign(TxContext ctx, Hash256 digest)
    {
        var sender = ctx.RequireSender();
        var anchor = RequireAnchor(ctx.State, digest);
        RequireActive(anchor, "you cannot co-sign it");
        if (anchor.Author.Member == sender.Id)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "You anchored this document; an author cannot co-sign their own anchor.");
        }

        if (anchor.IsSignedBy(sender.Id))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "You have already co-signed this anchor.");
        }

        if (anchor.Endorsements.Count >= AnchorRecord.MaxEndorsements)
        {
            throw new TxRejectedException(TxCode.Oversize, $"An anchor has at most {AnchorRecord.MaxEndorsements} co-signers.");
        }

        ctx.State.Put(NotaryKeys.Anchor(digest), anchor.WithEndorsement(SignerNow(ctx, sender)));
        ctx.State.Put(NotaryKeys.MemberAnchor(sender.Id, digest), new MemberAnchor(AnchorRole.Cosigner));
    }

    /// <summary>
    /// Null when an <see cref="AnchorWithdrawal"/> proposal could withdraw its anchor on <paramref name="state"/>
    /// (the anchor and any replacement exist and are active); otherwise why not. Run at submission and at execution.
    /// </summary>
    public static string? CheckWithdrawalByProposal(StateView state, AnchorWithdrawal withdrawal)
    {
        try
        {
            RequireWithdrawable(state, RequireAnchor(state, withdrawal.Digest), withdrawal.Replacement);
            return null;
        }
        catch (TxRejectedException e)
        {
            // Effect problems are clauses that the governance module ends with its own full stop.
            return e.Message.TrimEnd('.');
        }
    }

    /// <summary>Withdraws the anchor as the executed <paramref name="proposal"/> decided; <see cref="CheckWithdrawalByProposal"/> has passed.</summary>
    public static void WithdrawByProposal(StateView state, AnchorWithdrawal withdrawal, Hash256 proposal, ulong height)
    {
        var anchor = RequireAnchor(state, withdrawal.Digest);
        state.Put(NotaryKeys.Anchor(anchor.Digest), anchor.Withdrawn(withdrawal.Reason, height, withdrawal.Replacement, proposal));
    }

    /// <summary>
    /// A dispute's remedy revokes the anchor. The record keeps no proposal (none decided it); its
    /// reason names the dispute, whose record holds the decision and the signatures.
    /// </summary>
    public static void RevokeByDecision(StateView state, Hash256 digest, Hash256 dispute, ulong height)
    {
        var anchor = RequireAnchor(state, digest);
        RequireActive(anchor, "the remedy has nothing left to revoke");
        state.Put(NotaryKeys.Anchor(digest), anchor.Withdrawn("Revoked by the decision of dispute " + dispute + ".", height, null, null));
    }

    /// <summary>Revokes the anchor, or supersedes it when <paramref name="replacement"/> is given; of the members, only its author may.</summary>
    private static void Withdraw(TxContext ctx, Hash256 digest, string reason, Hash256? replacement)
    {
        var sender = ctx.RequireSender();
        var anchor = RequireAnchor(ctx.State, digest);
        if (anchor.Author.Member != sender.Id)
        {
            throw new TxRejectedException(
                TxCode.Unauthorized,
                $"Only the anchor's author (member {anchor.Author.Member.ToShortString()}) may revoke or supersede it; anyone else needs a passed anchor-withdrawal proposal.");
        }

        RequireWithdrawable(ctx.State, anchor, replacement);
        ctx.State.Put(NotaryKeys.Anchor(digest), anchor.Withdrawn(reason, ctx.Height, replacement, null));
    }

    /// <summary>Refuses to withdraw an anchor that is no longer active, or to name a replacement that is not an active anchor.</summary>
    private static void RequireWithdrawable(StateView state, AnchorRecord anchor, Hash256? replacement)
    {
        RequireActive(anchor, "it can no longer be revoked or superseded");
        if (replacement is { } successor)
        {
            RequireActive(RequireAnchor(state, successor), "it cannot replace another anchor");
        }
    }

    private static AnchorRecord RequireAnchor(StateView state, Hash256 digest) =>
        GetAnchor(state, digest) ?? throw new TxRejectedException(TxCode.NotFound, $"No document with digest {digest.ToShortString()} is anchored.");

    /// <summary>Refuses an anchor that is no longer active, saying since when and what that rules out.</summary>
    private static void RequireActive(AnchorRecord anchor, string refusal)
    {
        if (anchor.Status != AnchorStatus.Active)
        {
            throw new TxRejectedException(
                TxCode.InvalidArgument,
                $"Anchor {anchor.Digest.ToShortString()} was {AnchorStatuses.Name(anchor.Status)} at height {anchor.StatusHeight}; {refusal}.");
        }
    }

    /// <summary>The sender as a signer of this block: group, region and verification as they stand now.</summary>
    private static AnchorSigner SignerNow(TxContext ctx, MemberRecord sender) =>
        new(sender.Id, sender.StakeholderGroup, sender.Region, sender.IsVerified, ctx.Height, ctx.TimeMs);
}
