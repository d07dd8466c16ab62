namespace Roundtable.Consensus;

/// <summary>Something that happened to the engine. Events carry the shell's clock; the engine has none.</summary>
public abstract record ConsensusEvent;

/// <summary>The step a timeout belongs to.</summary>
public enum TimeoutStep
{
    /// <summary>Waiting for (or, as proposer, before making) a proposal.</summary>
    Propose = 1,

    /// <summary>Waiting for prevotes.</summary>
    Prevote = 2,

    /// <summary>Waiting for precommits.</summary>
    Precommit = 3,

    /// <summary>Pause after a commit before starting the next height.</summary>
    Commit = 4,
}

/// <summary>A timeout that the engine scheduled has elapsed.</summary>
/// <param name="Height">The height it was scheduled for.</param>
/// <param name="Round">The round it was scheduled for.</param>
/// <param name="Step">The step it was scheduled for.</param>
/// <param name="NowMs">The shell's clock when it fired, Unix milliseconds.</param>
public sealed record TimeoutElapsed(ulong Height, uint Round, TimeoutStep Step, ulong NowMs) : ConsensusEvent;
