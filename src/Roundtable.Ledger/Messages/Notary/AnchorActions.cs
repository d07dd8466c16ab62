using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Messages.Notary;

/// <summary>
/// The sender co-signs an active anchor: its endorsement records the sender's stakeholder group,
/// region and verification at this block. A member co-signs an anchor once and never its own.
/// </summary>
/// <param name="Digest">The anchor.</param>
public sealed record CosignAnchor(Hash256 Digest) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.CosignAnchor;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Digest);

    /// <summary>Reads the body.</summary>
    public static CosignAnchor DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>The author revokes an active anchor, with a reason. The record stays on chain, marked revoked.</summary>
/// <param name="Digest">The anchor.</param>
/// <param name="Reason">Why, 1–500 UTF-8 bytes.</param>
public sealed record RevokeAnchor(Hash256 Digest, string Reason) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RevokeAnchor;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Digest);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static RevokeAnchor DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), BoundedText.ReadNonEmpty(ref reader, AnchorRecord.MaxReasonBytes, "revocation reason"));
}

/// <summary>
/// The author marks an active anchor superseded by another active anchor, with a reason. The record
/// stays on chain, marked superseded and naming its replacement.
/// </summary>
/// <param name="Digest">The anchor being superseded.</param>
/// <param name="Replacement">The anchor that replaces it (not the same digest).</param>
/// <param name="Reason">Why, 1–500 UTF-8 bytes.</param>
public sealed record SupersedeAnchor(Hash256 Digest, Hash256 Replacement, string Reason) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.SupersedeAnchor;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Digest);
        writer.WriteHash(Replacement);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static SupersedeAnchor DecodeBody(ref CanonicalReader reader)
    {
        var digest = reader.ReadHash();
        var replacement = AnchorRecord.ReadReplacement(ref reader, digest);
        return new SupersedeAnchor(digest, replacement, BoundedText.ReadNonEmpty(ref reader, AnchorRecord.MaxReasonBytes, "supersession reason"));
    }
}
