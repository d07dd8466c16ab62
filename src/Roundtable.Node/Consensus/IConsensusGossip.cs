using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Node.Consensus;

/// <summary>How the consensus loop reaches other validators. A lone validator needs none.</summary>
public interface IConsensusGossip
{
    /// <summary>Sends a proposal and its block to every peer.</summary>
    void BroadcastProposal(Proposal proposal, Block block);

    /// <summary>Sends a vote to every peer.</summary>
    void BroadcastVote(Vote vote);

    /// <summary>Sends evidence of equivocation to every peer.</summary>
    void BroadcastEvidence(DuplicateVoteEvidence evidence);
}

/// <summary>The gossip of a network with no peers.</summary>
public sealed class NoGossip : IConsensusGossip
{
    /// <summary>The shared instance.</summary>
    public static NoGossip Instance { get; } = new();

    /// <inheritdoc />
    public void BroadcastProposal(Proposal proposal, Block block)
    {
    }

    /// <inheritdoc />
    public void BroadcastVote(Vote vote)
    {
    }

    /// <inheritdoc />
    public void BroadcastEvidence(DuplicateVoteEvidence evidence)
    {
    }
}
