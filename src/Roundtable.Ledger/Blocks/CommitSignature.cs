using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Blocks;

/// <summary>One validator's precommit inside a <see cref="Commit"/>.</summary>
/// <param name="Validator">The validator's key.</param>
/// <param name="TimestampMs">The validator's clock when it voted, Unix milliseconds; feeds BFT time.</param>
/// <param name="Signature">Signature over <see cref="CanonicalVote.SigningPayload"/>.</param>
public sealed record CommitSignature(PublicKey Validator, ulong TimestampMs, Signature Signature)
{
    /// <summary>Writes key, timestamp and signature.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Validator.Encode(writer);
        writer.WriteVarUInt(TimestampMs);
        Signature.Encode(writer);
    }

    /// <summary>Reads one signature entry.</summary>
    public static CommitSignature Decode(ref CanonicalReader reader) =>
        new(PublicKey.DecodeConsensusKey(ref reader), reader.ReadVarUInt(), Signature.DecodeConsensus(ref reader));
}
