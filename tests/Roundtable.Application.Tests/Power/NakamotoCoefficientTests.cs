using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Power;
using static Roundtable.Application.Tests.Power.PowerFixtures;

namespace Roundtable.Application.Tests.Power;

/// <summary>Worked examples with known coefficients.</summary>
public sealed class NakamotoCoefficientTests
{
    [Fact]
    public void Four_groups_with_one_validator_each_need_two_to_halt_and_three_to_commit()
    {
        var report = Report(Balanced(FourGroups, 1, 1, 1, 1));

        AssertCoefficient(report.Operators, 2, 3, "civil-society-0", "government-0", "private-sector-0");
        AssertCoefficient(report.Groups, 2, 3, "civil-society", "government", "private-sector");
        Assert.All(report.PowerByGroup, g => Assert.Equal(Rational.Of(1, 4), g.Fraction));
    }

    [Fact]
    public void Exactly_one_third_halts_and_exactly_two_thirds_does_not_commit()
    {
        // Three equal groups: one holds exactly 1/3 (the others' 2/3 is no quorum), two hold exactly 2/3 (not more).
        var groups = new[] { "civil-society", "government", "technical" };
        var report = Report(Balanced(groups, 1, 1, 1), groups);

        Assert.Equal((1, 3), (report.Operators.ToHalt, report.Operators.ToCommit));
        Assert.Equal((1, 3), (report.Groups.ToHalt, report.Groups.ToCommit));
    }

    [Fact]
    public void Unbalanced_set_is_captured_by_its_largest_operators()
    {
        // 50 + 20 + 15 + 10 + 5 = 100: 50 alone halts (3·50 ≥ 100); 50 + 20 = 70 commits (3·70 > 200).
        var validators = new[]
        {
            Validator("small", "technical", 5), Validator("big", "government", 50), Validator("second", "civil-society", 20),
            Validator("third", "private-sector", 15), Validator("fourth", "technical", 10),
        };
        var report = Report(validators);

        AssertCoefficient(report.Operators, 1, 2, "big", "second");
        Assert.Equal(Rational.Of(1, 2), report.Validators.Single(v => v.Name == "big").Fraction);
        AssertCoefficient(report.Groups, 1, 2, "government", "civil-society");
    }

    [Fact]
    public void One_group_with_many_validators_cannot_reach_a_third_alone()
    {
        // Government runs ten validators, the other groups one each: balancing gives government 1/4 in all.
        var report = Report(Balanced(FourGroups, 1, 10, 1, 1));

        var government = report.PowerByGroup.Single(g => g.Name == "government");
        Assert.Equal(Rational.Of(1, 4), government.Fraction);
        Assert.False(PowerThreshold.CanHalt(government.Amount, report.TotalPower));
        Assert.All(report.Validators.Where(v => v.Group == "government"), v => Assert.Equal(Rational.Of(1, 40), v.Fraction));

        Assert.Equal((2, 3), (report.Groups.ToHalt, report.Groups.ToCommit));
        // The fewest operators are the three single-validator groups' operators, not government's ten.
        AssertCoefficient(report.Operators, 2, 3, "civil-society-0", "private-sector-0", "technical-0");
    }

    [Fact]
    public void Ties_are_broken_by_name_so_the_coalition_is_the_same_on_every_node()
    {
        var shares = new[] { new Share("b", 1, Rational.Zero), new Share("c", 1, Rational.Zero), new Share("a", 1, Rational.Zero) };
        Assert.Equal(["a", "b", "c"], NakamotoCoefficient.Of(shares).Largest);
    }

    [Fact]
    public void Nobody_holding_power_has_no_coefficient()
    {
        AssertCoefficient(NakamotoCoefficient.Of([]), null, null);
        AssertCoefficient(NakamotoCoefficient.Of([new Share("idle", 0, Rational.Zero)]), null, null);
    }

    [Fact]
    public void A_single_validator_halts_and_commits_alone()
    {
        var report = Report([Validator("solo", "technical", 7)]);
        Assert.Equal((1, 1), (report.Operators.ToHalt, report.Operators.ToCommit));
        Assert.Equal(Rational.One, report.Validators[0].Fraction);
        Assert.Equal("100.00", report.Validators[0].Percent);
    }

    [Fact]
    public void Empty_validator_list_gives_zero_shares_for_every_declared_group()
    {
        var report = Report([]);
        Assert.Equal(0UL, report.TotalPower);
        Assert.Equal(FourGroups, report.PowerByGroup.Select(g => g.Name));
        Assert.All(report.PowerByGroup, g => Assert.Equal(Rational.Zero, g.Fraction));
        Assert.Null(report.Groups.ToHalt);
        Assert.Null(report.Operators.ToCommit);
    }

    private static void AssertCoefficient(NakamotoCoefficient actual, int? toHalt, int? toCommit, params string[] largest)
    {
        Assert.Equal(toHalt, actual.ToHalt);
        Assert.Equal(toCommit, actual.ToCommit);
        Assert.Equal(largest, actual.Largest);
    }
}
