using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Ledger.Consensus;

/// <summary>
/// A signed prevote or precommit. <see cref="BlockId"/> zero means nil. The signature covers
/// <see cref="CanonicalVote.SigningPayload"/>, the same bytes a commit signature covers, so a
/// precommit can be moved into a <see cref="Commit"/> unchanged.
/// </summary>
public sealed record Vote(VoteType Type, ulong Height, uint Round, Hash256 BlockId, ulong TimestampMs, PublicKey Validator, Signature Signature)
    : ICanonical<Vote>
{
    /// <summary>True for a vote for nil.</summary>
    public bool IsNil => BlockId.IsZero;

    /// <summary>Creates and signs a vote.</summary>
    public static Vote Sign(string chainId, VoteType type, ulong height, uint round, Hash256 blockId, ulong timestampMs, PublicKey validator, Func<byte[], Signature> sign) =>
        new(type, height, round, blockId, timestampMs, validator, sign(CanonicalVote.SigningPayload(chainId, type, height, round, blockId, timestampMs)));

    /// <summary>True when the signature is the validator's over this vote.</summary>
    public bool VerifySignature(string chainId) =>
        SignatureVerifier.Verify(Validator, CanonicalVote.SigningPayload(chainId, Type, Height, Round, BlockId, TimestampMs), Signature);

    /// <summary>This precommit as a commit signature.</summary>
    public CommitSignature ToCommitSignature() => new(Validator, TimestampMs, Signature);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Type);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(Round);
        writer.WriteHash(BlockId);
        writer.WriteVarUInt(TimestampMs);
        Validator.Encode(writer);
        Signature.Encode(writer);
    }

    /// <inheritdoc />
    public static Vote Decode(ref CanonicalReader reader)
    {
        var type = reader.ReadByte();
        if (type is not ((byte)VoteType.Prevote or (byte)VoteType.Precommit))
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown vote type {type}.");
        }

        return new Vote(
            (VoteType)type,
            reader.ReadVarUInt(),
            (uint)reader.ReadVarUInt(uint.MaxValue, "round"),
            reader.ReadHash(),
            reader.ReadVarUInt(),
            PublicKey.DecodeConsensusKey(ref reader),
            Signature.DecodeConsensus(ref reader));
    }
}
