using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Blocks;

/// <summary>
/// A block header. Its SHA-256 is the block id that validators vote for. It carries the previous
/// block's commit, so a header alone lets a light client check that its parent was decided.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Height">1 for the first block.</param>
/// <param name="TimeMs">BFT time in Unix milliseconds: the weighted median of the previous commit's timestamps (genesis time at height 1).</param>
/// <param name="PreviousBlockId">Id of block <c>Height − 1</c>; zero at height 1.</param>
/// <param name="TxRoot">RFC 6962 Merkle root over the block's encoded transactions.</param>
/// <param name="EvidenceRoot">RFC 6962 Merkle root over the block's encoded evidence of equivocation.</param>
/// <param name="StateRoot">Root of the application state after executing every block before this one.</param>
/// <param name="ValidatorSetHash">Hash of the validator set that decides this block.</param>
/// <param name="NextValidatorSetHash">Hash of the validator set that decides the next block.</param>
/// <param name="Proposer">Key of the validator that proposed this block.</param>
/// <param name="LastCommit">The commit of block <c>Height − 1</c>; null at height 1.</param>
public sealed record BlockHeader(
    string ChainId,
    ulong Height,
    ulong TimeMs,
    Hash256 PreviousBlockId,
    Hash256 TxRoot,
    Hash256 EvidenceRoot,
    Hash256 StateRoot,
    Hash256 ValidatorSetHash,
    Hash256 NextValidatorSetHash,
    PublicKey Proposer,
    Commit? LastCommit)
{
    /// <summary>The only header format version this software writes and accepts.</summary>
    public const byte Version = 1;

    private Hash256? _id;

    /// <summary>
    /// Copies every field except the cached id, so that <c>header with { … }</c> computes the id of
    /// the changed header instead of reusing the original's.
    /// </summary>
    /// <param name="original">The header being copied.</param>
    private BlockHeader(BlockHeader original)
    {
        ChainId = original.ChainId;
        Height = original.Height;
        TimeMs = original.TimeMs;
        PreviousBlockId = original.PreviousBlockId;
        TxRoot = original.TxRoot;
        EvidenceRoot = original.EvidenceRoot;
        StateRoot = original.StateRoot;
        ValidatorSetHash = original.ValidatorSetHash;
        NextValidatorSetHash = original.NextValidatorSetHash;
        Proposer = original.Proposer;
        LastCommit = original.LastCommit;
    }

    /// <summary>The block id: SHA-256 of the canonical header encoding.</summary>
    public Hash256 Id => _id ??= Hash256.Compute(ToBytes());

    /// <summary>Writes the header.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte(Version);
        writer.WriteString(ChainId);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
        writer.WriteHash(PreviousBlockId);
        writer.WriteHash(TxRoot);
        writer.WriteHash(EvidenceRoot);
        writer.WriteHash(StateRoot);
        writer.WriteHash(ValidatorSetHash);
        writer.WriteHash(NextValidatorSetHash);
        Proposer.Encode(writer);
        writer.WriteOptional(LastCommit, static (w, c) => c.Encode(w));
    }

    /// <summary>The canonical encoding.</summary>
    public byte[] ToBytes()
    {
        var writer = new CanonicalWriter(512);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Reads a header; a commit must be present exactly when the height is above 1.</summary>
    public static BlockHeader Decode(ref CanonicalReader reader)
    {
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown block header version {version}.");
        }

        var chainId = Ledger.ChainId.Read(ref reader);
        var height = reader.ReadVarUInt();
        if (height == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "Block height starts at 1.");
        }

        var time = reader.ReadVarUInt();
        var previous = reader.ReadHash();
        var txRoot = reader.ReadHash();
        var evidenceRoot = reader.ReadHash();
        var stateRoot = reader.ReadHash();
        var validators = reader.ReadHash();
        var nextValidators = reader.ReadHash();
        var proposer = PublicKey.DecodeConsensusKey(ref reader);
        var commit = reader.ReadOptionalMarker() ? Commit.Decode(ref reader) : null;
        if ((commit is null) != (height == 1))
        {
            throw new DecodeException(DecodeError.InvalidValue, "Every block after the first carries its parent's commit, and only those do.");
        }

        if (commit is not null && commit.Height != height - 1)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Block {height} carries a commit for height {commit.Height}.");
        }

        return new BlockHeader(chainId, height, time, previous, txRoot, evidenceRoot, stateRoot, validators, nextValidators, proposer, commit);
    }
}
