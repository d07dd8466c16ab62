using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>
/// What the panel signs: the chain, the dispute, the remedy and the rationale. Each panelist signs
/// <see cref="SignedBytes"/> with their member key, off chain; one of them submits the decision
/// with the signatures (<see cref="DecideDispute"/>). A signature for another chain, dispute,
/// remedy or wording verifies for none of them.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Dispute">The dispute.</param>
/// <param name="Remedy">The remedy ordered.</param>
/// <param name="Rationale">Why, 1–<see cref="MaxRationaleBytes"/> UTF-8 bytes.</param>
public sealed record DisputeDecision(string ChainId, Hash256 Dispute, Remedy Remedy, string Rationale)
{
    /// <summary>Longest rationale, in UTF-8 bytes.</summary>
    public const int MaxRationaleBytes = 4000;

    /// <summary>"roundtable/dispute-decision/v1" ‖ chain id ‖ dispute ‖ remedy ‖ rationale, canonically encoded.</summary>
    public byte[] SignedBytes()
    {
        var writer = new CanonicalWriter(128 + Rationale.Length);
        writer.WriteFixed("roundtable/dispute-decision/v1"u8);
        writer.WriteString(ChainId);
        writer.WriteHash(Dispute);
        Remedy.Encode(writer);
        writer.WriteString(Rationale);
        return writer.ToArray();
    }

    /// <summary>SHA-256 of <see cref="SignedBytes"/>: how the record names the decision.</summary>
    public Hash256 Digest => Hash256.Compute(SignedBytes());

    /// <summary>The signature of <paramref name="key"/> over this decision.</summary>
    public PanelSignature SignWith(PrivateKey key) => new(key.PublicKey, key.Sign(SignedBytes()));
}

/// <summary>One panelist's signature over a <see cref="DisputeDecision"/>.</summary>
/// <param name="Key">The panelist's member key.</param>
/// <param name="Signature">Over <see cref="DisputeDecision.SignedBytes"/>.</param>
public sealed record PanelSignature(PublicKey Key, Signature Signature)
{
    /// <summary>Writes key then signature.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Key.Encode(writer);
        Signature.Encode(writer);
    }

    /// <summary>Reads key then signature.</summary>
    public static PanelSignature Decode(ref CanonicalReader reader) => new(PublicKey.Decode(ref reader), Signature.Decode(ref reader));
}
