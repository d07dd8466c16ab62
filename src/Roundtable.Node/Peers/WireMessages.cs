using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Node.Peers;

/// <summary>A proposal announcement: the signed proposal and how its block is split.</summary>
public sealed record ProposalMessage(Proposal Proposal, int BlockBytes, int PartCount) : ICanonical<ProposalMessage>
{
    /// <summary>Size of every block part but the last.</summary>
    public const int PartSize = 64 * 1024;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        Proposal.Encode(writer);
        writer.WriteVarUInt((ulong)BlockBytes);
        writer.WriteVarUInt((ulong)PartCount);
    }

    /// <inheritdoc />
    public static ProposalMessage Decode(ref CanonicalReader reader)
    {
        var proposal = Proposal.Decode(ref reader);
        var bytes = reader.ReadLength(Block.MaxEncodedSize, "block size");
        var parts = reader.ReadLength(Block.MaxEncodedSize / PartSize + 1, "part count");
        if (parts != (bytes + PartSize - 1) / PartSize || parts == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "Part count does not match the block size.");
        }

        return new ProposalMessage(proposal, bytes, parts);
    }
}

/// <summary>One part of a proposed block.</summary>
public sealed record BlockPartMessage(ulong Height, uint Round, Hash256 BlockId, int Index, byte[] Bytes) : ICanonical<BlockPartMessage>
{
    /// <summary>Most bytes the message adds to its slice: height, round, block id, index and the slice's length prefix.</summary>
    public const int MaxHeaderBytes = 10 + 5 + Hash256.Size + 5 + 5;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(Round);
        writer.WriteHash(BlockId);
        writer.WriteVarUInt((ulong)Index);
        writer.WriteBytes(Bytes);
    }

    /// <inheritdoc />
    public static BlockPartMessage Decode(ref CanonicalReader reader) => new(
        reader.ReadVarUInt(),
        (uint)reader.ReadVarUInt(uint.MaxValue, "round"),
        reader.ReadHash(),
        reader.ReadLength(Block.MaxEncodedSize / ProposalMessage.PartSize, "part index"),
        reader.ReadBytes(ProposalMessage.PartSize, "block part").ToArray());
}

/// <summary>The sender's committed height, sent periodically so lagging peers know to catch up.</summary>
public sealed record StatusMessage(ulong Height) : ICanonical<StatusMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(Height);

    /// <inheritdoc />
    public static StatusMessage Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}

/// <summary>A request for the committed block at a height.</summary>
public sealed record BlockRequestMessage(ulong Height) : ICanonical<BlockRequestMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(Height);

    /// <inheritdoc />
    public static BlockRequestMessage Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}

/// <summary>A committed block and the commit that decided it.</summary>
public sealed record BlockResponseMessage(Block Block, Commit Commit) : ICanonical<BlockResponseMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteBytes(Block.Encoded.Span);
        Commit.Encode(writer);
    }

    /// <inheritdoc />
    public static BlockResponseMessage Decode(ref CanonicalReader reader)
    {
        var block = Block.Decode(reader.ReadBytes(Block.MaxEncodedSize, "block"));
        var commit = Commit.Decode(ref reader);
        if (commit.BlockId != block.Id || commit.Height != block.Header.Height)
        {
            throw new DecodeException(DecodeError.InvalidValue, "The commit is for another block.");
        }

        return new BlockResponseMessage(block, commit);
    }
}
