namespace Roundtable.Consensus;

/// <summary>The step within a round, in the order the paper compares them (<c>step ≥ prevote</c>).</summary>
public enum ConsensusStep
{
    /// <summary>Waiting for (or making) the round's proposal.</summary>
    Propose = 1,

    /// <summary>Prevoted; waiting for prevotes.</summary>
    Prevote,

    /// <summary>Precommitted; waiting for precommits.</summary>
    Precommit,

    /// <summary>Decided; waiting for the commit pause to end before the next height.</summary>
    Commit,
}
