using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Portal.Explaining;

/// <summary>Which validators, and so which stakeholder groups, signed a block's commit.</summary>
/// <param name="Validators">The signers the portal knows (by the current and previous validator sets).</param>
/// <param name="Unknown">Signers no known set names (validators since replaced).</param>
/// <param name="Groups">The stakeholder groups of the known signers, in order.</param>
/// <param name="GroupsWithValidators">The groups that hold validators today.</param>
public sealed record BlockSigners(IReadOnlyList<Validator> Validators, int Unknown, IReadOnlyList<string> Groups, IReadOnlyList<string> GroupsWithValidators)
{
    /// <summary>True when every group that runs validators signed.</summary>
    public bool AllGroups => GroupsWithValidators.All(Groups.Contains);

    /// <summary>Names the signers of <paramref name="commit"/> from the validator sets the portal can read.</summary>
    public static BlockSigners Of(Commit commit, IEnumerable<ValidatorSet> knownSets, ValidatorSet current)
    {
        var byKey = knownSets.SelectMany(s => s.Validators).DistinctBy(v => v.Key).ToDictionary(v => v.Key);
        var known = commit.Signatures.Select(s => byKey.GetValueOrDefault(s.Validator)).OfType<Validator>().ToList();
        return new BlockSigners(
            known,
            commit.Signatures.Count - known.Count,
            [.. known.Select(v => v.StakeholderGroup).Distinct().Order(StringComparer.Ordinal)],
            [.. current.Validators.Select(v => v.StakeholderGroup).Distinct().Order(StringComparer.Ordinal)]);
    }
}
