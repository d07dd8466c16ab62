using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus;

/// <summary>
/// Something that happened to the engine. Every event carries the shell's clock reading
/// (<see cref="NowMs"/>, Unix milliseconds), which the engine uses only to timestamp its votes.
/// </summary>
/// <param name="NowMs">The shell's clock when the event was delivered.</param>
public abstract record ConsensusEvent(ulong NowMs);

/// <summary>The step a timeout belongs to.</summary>
public enum TimeoutStep
{
    /// <summary>Waiting for a proposal.</summary>
    Propose = 1,

    /// <summary>Waiting for prevotes after seeing +2/3 of them for anything.</summary>
    Prevote = 2,

    /// <summary>Waiting for precommits after seeing +2/3 of them for anything.</summary>
    Precommit = 3,

    /// <summary>Pause after a decision before starting the next height (collects late precommits; sets the block interval).</summary>
    Commit = 4,
}

/// <summary>A timeout that the engine scheduled has elapsed.</summary>
public sealed record TimeoutElapsed(ulong Height, uint Round, TimeoutStep Step, ulong NowMs) : ConsensusEvent(NowMs);

/// <summary>A proposal and the block it names (reassembled by the shell from its parts).</summary>
public sealed record ProposalReceived(Proposal Proposal, Block Block, ulong NowMs) : ConsensusEvent(NowMs);

/// <summary>A prevote or precommit from a peer (or replayed from the shell).</summary>
public sealed record VoteReceived(Vote Vote, ulong NowMs) : ConsensusEvent(NowMs);
