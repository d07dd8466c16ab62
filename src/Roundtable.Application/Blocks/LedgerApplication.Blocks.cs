using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application;

/// <summary>Building and checking the next block against the committed state: the rules every validator applies alike.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>
    /// The next block with these transactions: BFT time from <paramref name="lastCommit"/>, the
    /// current state root and validator hashes, proposed by <paramref name="proposer"/>.
    /// </summary>
    public Block BuildBlock(PublicKey proposer, Commit? lastCommit, IReadOnlyList<Transaction> transactions)
    {
        var height = Height + 1;
        var time = lastCommit is null ? LastBlockTimeMs : lastCommit.MedianTime(LastValidators.Set);
        var header = new BlockHeader(
            ChainId, height, time, LastBlockId, Block.ComputeTxRoot(transactions), StateRoot,
            Validators.Set.Hash, NextValidators.Set.Hash, proposer, lastCommit);
        return new Block(header, transactions);
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

        if (Block.ComputeTxRoot(block.Transactions) != h.TxRoot)
        {
            return "transactions do not match the transaction root";
        }

        return null;
    }
}
