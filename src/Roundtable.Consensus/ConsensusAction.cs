using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus;

/// <summary>What the engine asks the shell to do, in order.</summary>
public abstract record ConsensusAction;

/// <summary>Deliver a <see cref="TimeoutElapsed"/> after <paramref name="DelayMs"/>.</summary>
public sealed record ScheduleTimeout(ulong Height, uint Round, TimeoutStep Step, ulong DelayMs) : ConsensusAction;

/// <summary>
/// Durably record a message this validator signed (fsync) before anything is broadcast, so that
/// after a crash it never signs a different value at the same height, round and step.
/// </summary>
public sealed record PersistSigned(WalEntry Entry) : ConsensusAction;

/// <summary>Send a proposal (with its block) to every peer.</summary>
public sealed record BroadcastProposal(Proposal Proposal, Block Block) : ConsensusAction;

/// <summary>Send a vote to every peer.</summary>
public sealed record BroadcastVote(Vote Vote) : ConsensusAction;

/// <summary>
/// The block is decided: persist it with its commit and execute it. The shell finishes this before
/// delivering the next event, so the next proposal builds on the new state.
/// </summary>
public sealed record CommitBlock(Block Block, Commit Commit) : ConsensusAction;

/// <summary>A validator signed two different votes for the same step: gossip it and put it in a block.</summary>
public sealed record ReportEvidence(DuplicateVoteEvidence Evidence) : ConsensusAction;
