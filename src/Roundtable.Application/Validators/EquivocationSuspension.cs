using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Validators;

/// <summary>
/// The consequence of a proven double sign, by rule: the validator leaves the set at the next set
/// change (the set scheduled by the block that records the evidence, deciding two heights later),
/// and its stakeholder group's share of power goes to the group's other validators. It comes back
/// only through a validator-change proposal that names it again (docs/governance.md).
/// </summary>
public static class EquivocationSuspension
{
    /// <summary>State key of a validator's suspension record.</summary>
    public static byte[] Key(Hash256 validatorKeyId) => StateKeys.Path("suspension/", validatorKeyId);

    /// <summary>The state prefix of every suspension record.</summary>
    public static readonly byte[] Prefix = "suspension/"u8.ToArray();

    /// <summary>
    /// Takes every offender out of <paramref name="basis"/> (the set that would otherwise come
    /// next) and records the outcome per offender (<see cref="Decide"/>). Returns the set to
    /// schedule, or null when nothing changed.
    /// </summary>
    /// <param name="state">Where the records are written.</param>
    /// <param name="basis">The set that would come next without the suspensions.</param>
    /// <param name="offenders">The validators whose evidence this block records, in any order.</param>
    /// <param name="parameters">The chain parameters (the set's bounds).</param>
    /// <param name="height">The height of the block that records the evidence.</param>
    public static ValidatorSet? Apply(StateView state, ValidatorSet basis, IEnumerable<PublicKey> offenders, ChainParameters parameters, ulong height)
    {
        var (set, outcomes) = Decide(basis, offenders, parameters);
        foreach (var (offender, problem) in outcomes)
        {
            state.Put(Key(offender.Key.Id), problem is null
                ? new SuspensionRecord(offender.Name, offender.StakeholderGroup, height, height + 2, Applied: true, "Suspended by rule for signing two conflicting votes.")
                : new SuspensionRecord(offender.Name, offender.StakeholderGroup, height, 0, Applied: false, $"Kept in the set until a validator-change proposal replaces it: without it {problem}."));
        }

        return set;
    }

    /// <summary>
    /// The rule itself, without the state: offenders are taken out of <paramref name="basis"/> one
    /// at a time in key-id order. One whose removal would break the set's bounds (it is its
    /// group's only validator and fewer groups than the parameters require would remain, or a
    /// group would reach a third) keeps its power: the balance that keeps any one group from
    /// capturing the chain outranks the penalty, and governance must replace it. Offenders not in
    /// the set are skipped (no outcome). The simulator checks nodes against this same function.
    /// </summary>
    /// <returns>The new set (null when nothing changed) and, per offender in the set, null when it was removed or why it was kept.</returns>
    public static (ValidatorSet? Set, IReadOnlyList<(Validator Offender, string? KeptBecause)> Outcomes) Decide(ValidatorSet basis, IEnumerable<PublicKey> offenders, ChainParameters parameters)
    {
        var set = basis;
        var changed = false;
        var outcomes = new List<(Validator, string?)>();
        foreach (var offender in offenders.DistinctBy(k => k.Id).OrderBy(k => k.Id))
        {
            if (set.Find(offender) is not { } validator)
            {
                continue; // Not in the coming set: nothing to take away.
            }

            var remaining = set.Validators.Where(v => v.Key.Id != offender.Id).ToList();
            var candidate = remaining.Count == 0 ? null : new ValidatorSet(StakeholderPower.Assign(remaining));
            var problem = candidate is null ? "no validator would be left" : ValidatorSetPolicy.Check(candidate, parameters);
            if (problem is null)
            {
                set = candidate!;
                changed = true;
            }

            outcomes.Add((validator, problem));
        }

        return (changed ? set : null, outcomes);
    }
}
