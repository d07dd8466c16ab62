using Roundtable.Application.Power;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Tests.Power;

/// <summary>Validator sets for the power tests, built from deterministic keys.</summary>
internal static class PowerFixtures
{
    public static readonly string[] FourGroups = ["civil-society", "government", "private-sector", "technical"];

    /// <summary>A validator with a key derived from its name.</summary>
    public static Validator Validator(string name, string group, ulong power = 1) =>
        new(TestKeys.Get("power/" + name).PublicKey, name, group, power);

    /// <summary><paramref name="counts"/>[i] validators in group i, power balanced per group as the chain assigns it.</summary>
    public static IReadOnlyList<Validator> Balanced(IReadOnlyList<string> groups, params int[] counts) =>
        StakeholderPower.Assign(groups.SelectMany((g, i) => Enumerable.Range(0, counts[i]).Select(n => Validator($"{g}-{n}", g))));

    /// <summary>The report over <paramref name="validators"/> alone: no regions, members or proposals.</summary>
    public static PowerReport Report(IReadOnlyList<Validator> validators, IReadOnlyList<string>? groups = null) =>
        PowerReport.Build(0, validators, _ => "unspecified", groups ?? FourGroups, [], [], []);
}
