namespace Roundtable.Ledger.Validators;

/// <summary>
/// Assigns voting power so that every stakeholder group with validators holds the same total,
/// split evenly among its validators. Adding validators to a group never raises that group's
/// power; with four or more groups no group reaches 1/3.
/// </summary>
public static class StakeholderPower
{
    /// <summary>
    /// The power every group holds in total. 720720 is divisible by every count from 1 to 16, so
    /// the split is exact for any group of up to 16 validators.
    /// </summary>
    public const ulong PerGroup = 720_720;

    /// <summary>
    /// Returns the validators with power assigned. Within a group the remainder of the integer
    /// division (only when a group has more than 16 validators) goes one unit each to the first
    /// validators in key order, so group totals stay exactly equal.
    /// </summary>
    public static IReadOnlyList<Validator> Assign(IEnumerable<Validator> validators)
    {
        var byGroup = new SortedDictionary<string, List<Validator>>(StringComparer.Ordinal);
        foreach (var v in validators)
        {
            if (!byGroup.TryGetValue(v.StakeholderGroup, out var list))
            {
                list = [];
                byGroup.Add(v.StakeholderGroup, list);
            }

            list.Add(v);
        }

        var result = new List<Validator>();
        foreach (var (_, members) in byGroup)
        {
            members.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            var count = (ulong)members.Count;
            var share = PerGroup / count;
            var remainder = PerGroup % count;
            for (var i = 0; i < members.Count; i++)
            {
                var extra = (ulong)i < remainder ? 1UL : 0UL;
                result.Add(members[i] with { Power = share + extra });
            }
        }

        return result;
    }
}
