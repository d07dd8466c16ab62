using Roundtable.Application.Validators;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application;

/// <summary>Building and checking the next block against the committed state: the rules every validator applies alike.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>
    /// The next block with these transactions: BFT time from <paramref name="lastCommit"/>, the
    /// current state root and validator hashes, proposed by <paramref name="proposer"/>.
    /// </summary>
    public Block BuildBlock(PublicKey proposer, Commit? lastCommit, IReadOnlyList<Transaction> transactions, IReadOnlyList<DuplicateVoteEvidence>? evidence = null)
    {
        var recordable = (evidence ?? []).Where(e => CheckEvidence(e, Height + 1) is null).DistinctBy(e => e.Hash).Take(Block.MaxEvidence).ToList();
        var height = Height + 1;
        var time = lastCommit is null ? LastBlockTimeMs : lastCommit.MedianTime(LastValidators.Set);
        var header = new BlockHeader(
            ChainId, height, time, LastBlockId, Block.ComputeTxRoot(transactions), Block.ComputeEvidenceRoot(recordable), StateRoot,
            Validators.Set.Hash, NextValidators.Set.Hash, proposer, lastCommit);
        return new Block(header, transactions, recordable);
    }

    /// <summary>Null when <paramref name="block"/> may follow the committed state; otherwise the first rule it breaks.</summary>
    public string? ValidateBlock(Block block)
    {
        var h = block.Header;
        if (h.ChainId != ChainId)
        {
            return $"block is for chain '{h.ChainId}'";
        }

        if (h.Height != Height + 1)
        {
            return $"block height {h.Height} does not follow {Height}";
        }

        if (h.PreviousBlockId != LastBlockId)
        {
            return "previous block id does not match the last committed block";
        }

        if (h.Height == 1)
        {
            if (h.LastCommit is not null || h.TimeMs != LastBlockTimeMs)
            {
                return "the first block carries no commit and the genesis time";
            }
        }
        else
        {
            var last = LastValidators.Set;
            if (h.LastCommit is null || h.LastCommit.BlockId != LastBlockId)
            {
                return "the commit of the previous block is missing or for another block";
            }

            var problem = h.LastCommit.Verify(ChainId, last);
            if (problem is not null)
            {
                return "previous commit: " + problem;
            }

            if (h.TimeMs != h.LastCommit.MedianTime(last) || h.TimeMs <= LastBlockTimeMs)
            {
                return "block time is not the weighted median of the previous commit, or does not advance";
            }
        }

        if (h.StateRoot != StateRoot)
        {
            return $"state root {h.StateRoot.ToShortString()} differs from the committed state {StateRoot.ToShortString()}";
        }

        if (h.ValidatorSetHash != Validators.Set.Hash || h.NextValidatorSetHash != NextValidators.Set.Hash)
        {
            return "validator set hashes do not match the state";
        }

        if (Validators.Set.Find(h.Proposer) is null)
        {
            return "the proposer is not a validator";
        }

        if (Block.ComputeTxRoot(block.Transactions) != h.TxRoot || Block.ComputeEvidenceRoot(block.Evidence) != h.EvidenceRoot)
        {
            return "transactions or evidence do not match their roots";
        }

        if (block.Evidence.DistinctBy(e => e.Hash).Count() != block.Evidence.Count)
        {
            return "the same evidence appears twice";
        }

        foreach (var evidence in block.Evidence)
        {
            var problem = CheckEvidence(evidence, h.Height);
            if (problem is not null)
            {
                return "evidence: " + problem;
            }
        }

        return null;
    }

    /// <summary>
    /// A test for evidence pools, over the committed state: true for evidence no later block can
    /// record — already recorded, too old for the next block, or signed by a validator in neither
    /// the current nor the last set (it has left, by proposal or by the equivocation rule, whose
    /// consequence then already stands). Pools drop such evidence instead of offering it forever.
    /// </summary>
    public Predicate<DuplicateVoteEvidence> NeverRecordable()
    {
        var state = Committed;
        var next = Height + 1;
        var (current, last) = (Validators.Set, LastValidators.Set);
        return e => EvidenceModule.IsRecorded(state, e)
            || (e.First.Height < next && next - e.First.Height > EvidenceModule.MaxAgeHeights)
            || (current.Find(e.First.Validator) is null && last.Find(e.First.Validator) is null);
    }

    /// <summary>Null when <paramref name="evidence"/> may be recorded in a block at <paramref name="height"/>.</summary>
    private string? CheckEvidence(DuplicateVoteEvidence evidence, ulong height)
    {
        var at = evidence.First.Height;
        if (at >= height || height - at > EvidenceModule.MaxAgeHeights)
        {
            return $"evidence from height {at} cannot be recorded at {height}";
        }

        if (EvidenceModule.IsRecorded(Committed, evidence))
        {
            return "already recorded";
        }

        // The signer must be a validator of the recent sets (evidence is young, sets change rarely).
        var current = evidence.Verify(ChainId, Validators.Set);
        return current is null ? null : evidence.Verify(ChainId, LastValidators.Set);
    }
}
