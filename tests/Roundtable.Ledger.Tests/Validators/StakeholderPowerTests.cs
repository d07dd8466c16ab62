using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests;

public sealed class StakeholderPowerTests
{
    [Fact]
    public void Every_group_holds_the_same_total_for_1_to_20_validators_per_group()
    {
        for (var n = 1; n <= 20; n++)
        {
            // Three groups: n validators, 21 − n validators, and a single one.
            var validators = Group("civil-society", 0, n).Concat(Group("government", n, 21 - n)).Concat(Group("technical", 21 + 1, 1));

            var assigned = StakeholderPower.Assign(validators);

            Assert.All(Totals(assigned).Values, total => Assert.Equal(StakeholderPower.PerGroup, total));
            Assert.All(assigned, v => Assert.True(v.Power > 0));
            var civil = assigned.Where(v => v.StakeholderGroup == "civil-society").Select(v => v.Power).ToList();
            Assert.True(civil.Max() - civil.Min() <= 1, $"n = {n}: the split inside a group is even");
        }
    }

    [Fact]
    public void Adding_validators_to_a_group_never_raises_its_total_or_its_share()
    {
        var others = Group("government", 40, 3).Concat(Group("private-sector", 50, 2)).Concat(Group("technical", 60, 1)).ToList();
        ulong? previousTotal = null;
        for (var n = 1; n <= 20; n++)
        {
            var assigned = StakeholderPower.Assign(Group("civil-society", 0, n).Concat(others));
            var set = new ValidatorSet(assigned);
            var total = Totals(assigned)["civil-society"];

            if (previousTotal is { } before)
            {
                Assert.True(total <= before, $"{n} validators raised the group's total");
            }

            Assert.Equal(StakeholderPower.PerGroup * 4, set.TotalPower);
            previousTotal = total;
        }
    }

    [Fact]
    public void With_four_or_more_groups_no_group_can_halt_and_no_two_can_commit_alone()
    {
        var random = new Random(20240611);
        for (var trial = 0; trial < 300; trial++)
        {
            var groupCount = random.Next(4, 9);
            var validators = new List<Validator>();
            var next = 0;
            for (var g = 0; g < groupCount; g++)
            {
                var count = random.Next(1, 21);
                validators.AddRange(Group($"group-{g}", next, count));
                next += count;
            }

            var shuffled = validators.ToArray();
            random.Shuffle(shuffled);
            var assigned = StakeholderPower.Assign(shuffled);
            var set = new ValidatorSet(assigned);
            var totals = Totals(assigned).Values.ToArray();
            var context = $"trial {trial}: {groupCount} groups, sizes {string.Join(",", validators.GroupBy(v => v.StakeholderGroup).Select(g => g.Count()))}";

            Assert.Equal(groupCount, totals.Length);
            foreach (var one in totals)
            {
                // Halting needs 1/3: a group must stay strictly below it.
                Assert.True((UInt128)one * 3 < set.TotalPower, context);
            }

            for (var a = 0; a < totals.Length; a++)
            {
                for (var b = a + 1; b < totals.Length; b++)
                {
                    Assert.False(set.IsQuorum(totals[a] + totals[b]), context);
                    Assert.True((UInt128)(totals[a] + totals[b]) * 3 < (UInt128)set.TotalPower * 2, context);
                }
            }
        }
    }

    [Fact]
    public void Assignment_does_not_depend_on_input_order()
    {
        var validators = Group("a", 0, 17).Concat(Group("b", 17, 3)).ToArray();
        var reversed = validators.Reverse().ToArray();

        var first = new ValidatorSet(StakeholderPower.Assign(validators));
        var second = new ValidatorSet(StakeholderPower.Assign(reversed));

        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public void With_three_groups_the_bounds_are_not_promised()
    {
        // Documents the precondition: three equal groups each hold exactly a third.
        var assigned = StakeholderPower.Assign(Group("a", 0, 2).Concat(Group("b", 2, 2)).Concat(Group("c", 4, 2)));
        var set = new ValidatorSet(assigned);

        Assert.Equal(set.TotalPower, Totals(assigned)["a"] * 3);
    }

    private static IEnumerable<Validator> Group(string group, int firstKey, int count) =>
        Enumerable.Range(firstKey, count).Select(i => new Validator(LedgerSamples.Key(i).PublicKey, $"validator {i}", group, 0));

    private static SortedDictionary<string, ulong> Totals(IEnumerable<Validator> validators)
    {
        var totals = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var v in validators)
        {
            totals[v.StakeholderGroup] = totals.GetValueOrDefault(v.StakeholderGroup) + v.Power;
        }

        return totals;
    }
}
