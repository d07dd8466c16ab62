using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus;

/// <summary>
/// One message this validator signed, as kept in its write-ahead log: a vote (with the block when it
/// is a non-nil precommit, because that precommit is also the validator's lock) or a proposal with its block.
/// </summary>
/// <param name="Vote">The signed vote, or null for a proposal.</param>
/// <param name="Proposal">The signed proposal, or null for a vote.</param>
/// <param name="Block">The block of a proposal, or of a non-nil precommit (the lock).</param>
/// <param name="ProofOfLock">
/// With a non-nil precommit: the +2/3 prevotes that justified it. A lock survives a crash, so its
/// proof must too: without it, a restarted validator stays locked on a block whose proof of lock
/// nobody else may hold (a Byzantine validator's prevote in it need never be sent again), and the
/// height can stall for good. Empty otherwise.
/// </param>
public sealed record WalEntry(Vote? Vote, Proposal? Proposal, Block? Block, IReadOnlyList<Vote>? ProofOfLock = null) : ICanonical<WalEntry>
{
    /// <summary>Height the entry belongs to.</summary>
    public ulong Height => Vote?.Height ?? Proposal!.Height;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteOptional(Vote, static (w, v) => v.Encode(w));
        writer.WriteOptional(Proposal, static (w, p) => p.Encode(w));
        writer.WriteOptional(Block, static (w, b) => w.WriteBytes(b.Encoded.Span));
        writer.WriteList(ProofOfLock ?? [], static (w, v) => v.Encode(w));
    }

    /// <summary>
    /// Reads an entry. Entries written before the proof of lock existed end after the block; they
    /// read as having no proof (a WAL must stay readable across an upgrade: losing it could make the
    /// validator sign twice).
    /// </summary>
    public static WalEntry Decode(ref CanonicalReader reader)
    {
        var vote = reader.ReadOptionalMarker() ? Ledger.Consensus.Vote.Decode(ref reader) : null;
        var proposal = reader.ReadOptionalMarker() ? Ledger.Consensus.Proposal.Decode(ref reader) : null;
        var block = reader.ReadOptionalMarker() ? Ledger.Blocks.Block.Decode(reader.ReadBytes(Ledger.Blocks.Block.MaxEncodedSize, "block")) : null;
        if ((vote is null) == (proposal is null))
        {
            throw new DecodeException(DecodeError.InvalidValue, "A WAL entry holds exactly one vote or one proposal.");
        }

        var proof = new List<Vote>();
        if (reader.Remaining > 0)
        {
            var count = reader.ReadLength(ValidatorSet.MaxValidators, "proof-of-lock vote count");
            for (var i = 0; i < count; i++)
            {
                proof.Add(Ledger.Consensus.Vote.Decode(ref reader));
            }
        }

        if (proof.Count > 0 && (vote is not { Type: VoteType.Precommit, IsNil: false } || proof.Exists(p => p.Type != VoteType.Prevote || p.BlockId != vote.BlockId || p.Height != vote.Height || p.Round != vote.Round)))
        {
            throw new DecodeException(DecodeError.InvalidValue, "A proof of lock holds prevotes for the block of a non-nil precommit, in its round.");
        }

        return new WalEntry(vote, proposal, block, proof);
    }
}
