namespace Roundtable.Consensus;

/// <summary>
/// A consensus algorithm as a pure state machine: it consumes one event at a time and returns the
/// actions the shell must perform, in order. No clock, thread, socket or disk inside, so the same
/// engine runs in a node and in a deterministic simulator.
/// </summary>
public interface IConsensusEngine
{
    /// <summary>
    /// Starts (or restarts) at the height after <paramref name="tip"/>; <paramref name="nowMs"/> is
    /// the shell's clock, as every event carries it (votes signed during the start are stamped with it).
    /// </summary>
    IReadOnlyList<ConsensusAction> Start(ChainTip tip, ulong nowMs);

    /// <summary>Handles one event.</summary>
    IReadOnlyList<ConsensusAction> Handle(ConsensusEvent consensusEvent);
}
