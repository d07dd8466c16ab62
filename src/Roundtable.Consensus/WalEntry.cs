using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus;

/// <summary>
/// One message this validator signed, as kept in its write-ahead log: a vote (with the block when it
/// is a non-nil precommit, because that precommit is also the validator's lock) or a proposal with its block.
/// </summary>
public sealed record WalEntry(Vote? Vote, Proposal? Proposal, Block? Block) : ICanonical<WalEntry>
{
    /// <summary>Height the entry belongs to.</summary>
    public ulong Height => Vote?.Height ?? Proposal!.Height;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteOptional(Vote, static (w, v) => v.Encode(w));
        writer.WriteOptional(Proposal, static (w, p) => p.Encode(w));
        writer.WriteOptional(Block, static (w, b) => w.WriteBytes(b.ToBytes()));
    }

    /// <inheritdoc />
    public static WalEntry Decode(ref CanonicalReader reader)
    {
        var vote = reader.ReadOptionalMarker() ? Ledger.Consensus.Vote.Decode(ref reader) : null;
        var proposal = reader.ReadOptionalMarker() ? Ledger.Consensus.Proposal.Decode(ref reader) : null;
        var block = reader.ReadOptionalMarker() ? Ledger.Blocks.Block.Decode(reader.ReadBytes(Ledger.Blocks.Block.MaxEncodedSize, "block")) : null;
        if ((vote is null) == (proposal is null))
        {
            throw new DecodeException(DecodeError.InvalidValue, "A WAL entry holds exactly one vote or one proposal.");
        }

        return new WalEntry(vote, proposal, block);
    }
}
