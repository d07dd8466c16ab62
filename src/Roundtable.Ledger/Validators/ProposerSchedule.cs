namespace Roundtable.Ledger.Validators;

/// <summary>
/// Weighted round-robin proposer selection (Tendermint's proposer-priority algorithm): at every
/// step each validator's priority grows by its power, the highest priority proposes (ties go to
/// the lower key) and pays back the total power. Over any window every validator proposes in
/// proportion to its power. Step <c>s</c> is counted from the height at which the set took effect,
/// so every node derives the same proposer from the chain alone, with no extra state.
/// </summary>
public sealed class ProposerSchedule
{
    private readonly ValidatorSet _validators;
    private long[] _basePriorities;
    private ulong _baseStep;

    /// <summary>A schedule starting with all priorities at zero (step 0).</summary>
    public ProposerSchedule(ValidatorSet validators)
    {
        _validators = validators;
        _basePriorities = new long[validators.Validators.Count];
    }

    /// <summary>The validator set this schedule selects from.</summary>
    public ValidatorSet Validators => _validators;

    /// <summary>The proposer chosen at step <paramref name="step"/> (1 for the first proposal after the set took effect).</summary>
    public Validator ProposerAt(ulong step)
    {
        ArgumentOutOfRangeException.ThrowIfZero(step);
        if (step <= _baseStep)
        {
            Reset();
        }

        var priorities = (long[])_basePriorities.Clone();
        var chosen = -1;
        for (var s = _baseStep; s < step; s++)
        {
            chosen = Increment(priorities);
        }

        return _validators.Validators[chosen];
    }

    /// <summary>
    /// Moves the cached starting point forward to <paramref name="step"/>, so later queries near it
    /// cost a few steps instead of a replay from zero.
    /// </summary>
    public void Rebase(ulong step)
    {
        if (step < _baseStep)
        {
            Reset();
        }

        while (_baseStep < step)
        {
            Increment(_basePriorities);
            _baseStep++;
        }
    }

    private void Reset()
    {
        _basePriorities = new long[_validators.Validators.Count];
        _baseStep = 0;
    }

    private int Increment(long[] priorities)
    {
        var validators = _validators.Validators;
        var best = 0;
        for (var i = 0; i < priorities.Length; i++)
        {
            priorities[i] += (long)validators[i].Power;
            if (priorities[i] > priorities[best])
            {
                best = i;
            }
        }

        priorities[best] -= (long)_validators.TotalPower;
        return best;
    }
}
