using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Consensus;

/// <summary>The application side of proposing: builds the block a proposer offers at a height.</summary>
public interface IProposalSource
{
    /// <summary>A block for <paramref name="height"/> carrying <paramref name="lastCommit"/>, proposed by <paramref name="proposer"/>.</summary>
    Block CreateProposal(ulong height, PublicKey proposer, Commit? lastCommit);
}
