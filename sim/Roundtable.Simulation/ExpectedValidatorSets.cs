using Roundtable.Application.Parameters;
using Roundtable.Application.Validators;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Simulation;

/// <summary>
/// The validator set nodes must name at each height: the scenario's plan (the genesis set, then at
/// most one change) with the equivocation rule applied where a committed block records new
/// evidence. A suspension takes effect two heights after its block, as any set change does; a
/// planned change that takes effect later replaces the whole set, as a validator-change proposal
/// would (it may name the suspended validator again).
/// </summary>
internal sealed class ExpectedValidatorSets(Scenario scenario, ChainParameters parameters)
{
    private readonly List<(ulong EffectiveHeight, ValidatorSet Set)> _suspensions = [];
    private readonly HashSet<Hash256> _recorded = [];
    private ulong _appliedThrough;

    /// <summary>Suspensions applied so far (for the report).</summary>
    public int SuspensionCount => _suspensions.Count;

    /// <summary>The set deciding <paramref name="height"/>.</summary>
    public ValidatorSet At(ulong height)
    {
        var (from, set) = scenario.Change is { } c && height >= c.EffectiveHeight ? (c.EffectiveHeight, c.Set) : (1UL, scenario.GenesisSet);
        foreach (var (effective, suspended) in _suspensions)
        {
            // At the same height as the planned change a suspension wins: it was computed from it.
            if (effective <= height && effective >= from)
            {
                (from, set) = (effective, suspended);
            }
        }

        return set;
    }

    /// <summary>
    /// Takes the first commit of each height into account (agreement makes it the only one): its
    /// new evidence suspends validators of the set that would decide two heights later.
    /// </summary>
    public void OnCommitted(Block block)
    {
        var height = block.Header.Height;
        if (height <= _appliedThrough)
        {
            return;
        }

        _appliedThrough = height;
        var offenders = block.Evidence.Where(e => _recorded.Add(e.Hash)).Select(e => e.First.Validator).ToList();
        if (offenders.Count == 0)
        {
            return;
        }

        var (set, _) = EquivocationSuspension.Decide(At(height + 2), offenders, parameters);
        if (set is not null)
        {
            _suspensions.Add((height + 2, set));
        }
    }
}
