using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// Revokes an anchor, or supersedes it by another when <paramref name="Replacement"/> is given, by
/// collective decision: for an anchor whose author is gone or acted in bad faith, which no single
/// member may withdraw. The record then names this proposal as the one that withdrew it.
/// </summary>
/// <param name="Digest">The anchor to withdraw.</param>
/// <param name="Replacement">The anchor that supersedes it, or null to revoke it.</param>
/// <param name="Reason">Why, bounded as an author's reason.</param>
public sealed record AnchorWithdrawal(Hash256 Digest, Hash256? Replacement, string Reason) : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.AnchorWithdrawal;

    /// <summary>Reads the body: digest, optional replacement (<c>00</c>, or <c>01</c> and a digest), reason.</summary>
    public static AnchorWithdrawal DecodeBody(ref CanonicalReader reader)
    {
        var digest = reader.ReadHash();
        Hash256? replacement = reader.ReadOptionalMarker() ? AnchorRecord.ReadReplacement(ref reader, digest) : null;
        return new AnchorWithdrawal(digest, replacement, BoundedText.ReadNonEmpty(ref reader, AnchorRecord.MaxReasonBytes, "withdrawal reason"));
    }

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Digest);
        writer.WriteBool(Replacement is not null);
        if (Replacement is { } replacement)
        {
            writer.WriteHash(replacement);
        }

        writer.WriteString(Reason);
    }
}
