using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Consensus;

/// <summary>
/// A proposer's signed offer of a block for a height and round. <see cref="PolRound"/> is the
/// round in which the proposer saw +2/3 prevotes for this block (the paper's <c>validRound</c>),
/// or −1. The block itself travels separately (in parts when large) and must hash to <see cref="BlockId"/>.
/// </summary>
public sealed record Proposal(ulong Height, uint Round, int PolRound, Hash256 BlockId, PublicKey Proposer, Signature Signature)
    : ICanonical<Proposal>
{
    private static readonly byte[] Domain = "roundtable.proposal.v1"u8.ToArray();

    /// <summary>The bytes a proposer signs.</summary>
    public static byte[] SigningPayload(string chainId, ulong height, uint round, int polRound, Hash256 blockId)
    {
        var writer = new CanonicalWriter(128);
        writer.WriteFixed(Domain);
        writer.WriteString(chainId);
        writer.WriteVarUInt(height);
        writer.WriteVarUInt(round);
        writer.WriteVarUInt((ulong)(polRound + 1));
        writer.WriteHash(blockId);
        return writer.ToArray();
    }

    /// <summary>Creates and signs a proposal.</summary>
    public static Proposal Sign(string chainId, ulong height, uint round, int polRound, Hash256 blockId, PublicKey proposer, Func<byte[], Signature> sign) =>
        new(height, round, polRound, blockId, proposer, sign(SigningPayload(chainId, height, round, polRound, blockId)));

    /// <summary>True when the signature is the proposer's over this proposal.</summary>
    public bool VerifySignature(string chainId) =>
        SignatureVerifier.Verify(Proposer, SigningPayload(chainId, Height, Round, PolRound, BlockId), Signature);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(Round);
        writer.WriteVarUInt((ulong)(PolRound + 1));
        writer.WriteHash(BlockId);
        Proposer.Encode(writer);
        Signature.Encode(writer);
    }

    /// <inheritdoc />
    public static Proposal Decode(ref CanonicalReader reader)
    {
        var height = reader.ReadVarUInt();
        var round = (uint)reader.ReadVarUInt(uint.MaxValue, "round");
        // PolRound is an int: above int.MaxValue the cast would wrap and the proposal would not re-encode to its bytes.
        var polRound = (int)reader.ReadVarUInt(Math.Min(round, int.MaxValue), "proof-of-lock round + 1") - 1;
        return new Proposal(height, round, polRound, reader.ReadHash(), PublicKey.DecodeConsensusKey(ref reader), Signature.DecodeConsensus(ref reader));
    }
}
