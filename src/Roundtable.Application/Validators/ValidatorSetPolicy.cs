using Roundtable.Application.Parameters;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Validators;

/// <summary>
/// The bounds a validator set must respect so that no group can capture the chain: every validator
/// belongs to a declared group, and at least <see cref="ChainParameters.MinValidatorGroups"/> groups
/// run validators. Power is balanced per group, so with four groups none reaches 1/3 and no two reach 2/3.
/// </summary>
public static class ValidatorSetPolicy
{
    /// <summary>Null when <paramref name="set"/> respects the bounds; otherwise the reason.</summary>
    public static string? Check(ValidatorSet set, ChainParameters parameters)
    {
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in set.Validators)
        {
            if (!parameters.HasGroup(v.StakeholderGroup))
            {
                return $"validator {v.Name} names unknown stakeholder group '{v.StakeholderGroup}'";
            }

            groups.Add(v.StakeholderGroup);
        }

        if (groups.Count < parameters.MinValidatorGroups)
        {
            return $"validators come from {groups.Count} stakeholder group(s); the parameters require at least {parameters.MinValidatorGroups}";
        }

        var totals = set.Validators.GroupBy(v => v.StakeholderGroup, StringComparer.Ordinal).Select(g => g.Aggregate(0UL, (s, v) => s + v.Power)).ToList();
        var largest = totals.Max();
        if (groups.Count >= 4 && (UInt128)largest * 3 >= set.TotalPower)
        {
            return "one stakeholder group would hold a third of the voting power";
        }

        return null;
    }
}
