using Roundtable.Ledger.Blocks;

namespace Roundtable.Consensus;

/// <summary>What the engine asks the shell to do, in order.</summary>
public abstract record ConsensusAction;

/// <summary>Deliver a <see cref="TimeoutElapsed"/> after <paramref name="DelayMs"/>.</summary>
/// <param name="Height">Height of the timeout.</param>
/// <param name="Round">Round of the timeout.</param>
/// <param name="Step">Step of the timeout.</param>
/// <param name="DelayMs">Delay in milliseconds.</param>
public sealed record ScheduleTimeout(ulong Height, uint Round, TimeoutStep Step, ulong DelayMs) : ConsensusAction;

/// <summary>
/// The block is decided: persist it with its commit and execute it. The shell must finish this
/// before delivering the next event, so the engine's next proposal builds on the new state.
/// </summary>
/// <param name="Block">The decided block.</param>
/// <param name="Commit">Its commit (+2/3 precommits).</param>
public sealed record CommitBlock(Block Block, Commit Commit) : ConsensusAction;
