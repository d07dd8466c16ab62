namespace Roundtable.Application.Power;

/// <summary>
/// What a coalition holding power P out of a total T can do, by the consensus engine's own rule: a
/// block commits with precommits from more than two thirds of the power
/// (<see cref="Ledger.Validators.ValidatorSet.IsQuorum"/>: 3·P &gt; 2·T). In integers, so no rounding.
/// </summary>
public static class PowerThreshold
{
    /// <summary>The halt rule in words, for reports.</summary>
    public const string HaltRule = "3·P ≥ T: the others cannot reach more than 2/3";

    /// <summary>The commit rule in words, for reports.</summary>
    public const string CommitRule = "3·P > 2·T: more than 2/3, the engine's quorum";

    /// <summary>True when the coalition can commit blocks on its own: 3·P &gt; 2·T.</summary>
    public static bool CanCommit(ulong power, ulong total) => (UInt128)power * 3 > (UInt128)total * 2;

    /// <summary>
    /// True when the coalition can halt the chain by staying silent: the others, holding T − P, cannot
    /// commit, that is 3·(T − P) ≤ 2·T, which is 3·P ≥ T. Exactly one third is enough to halt.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="power"/> exceeds <paramref name="total"/>.</exception>
    public static bool CanHalt(ulong power, ulong total)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, total);
        return !CanCommit(total - power, total);
    }
}
