using Roundtable.Application.Power;
using Roundtable.Ledger.Validators;
using static Roundtable.Application.Tests.Power.PowerFixtures;

namespace Roundtable.Application.Tests.Power;

/// <summary>The halt and commit inequalities are the consensus engine's quorum rule, in integers.</summary>
public sealed class PowerThresholdTests
{
    [Fact]
    public void Commit_rule_is_the_engines_quorum_and_halt_is_its_complement()
    {
        // Total power 12 (powers 1, 2, 4, 5): every coalition power from 0 to 12.
        var set = new ValidatorSet([Validator("a", "g", 1), Validator("b", "g", 2), Validator("c", "g", 4), Validator("d", "g", 5)]);
        Assert.Equal(12UL, set.TotalPower);
        for (ulong p = 0; p <= set.TotalPower; p++)
        {
            Assert.Equal(set.IsQuorum(p), PowerThreshold.CanCommit(p, set.TotalPower));
            Assert.Equal(!set.IsQuorum(set.TotalPower - p), PowerThreshold.CanHalt(p, set.TotalPower));
        }
    }

    [Theory]
    [InlineData(3UL, 9UL, true)] // exactly a third halts: the other 2/3 is not more than 2/3
    [InlineData(2UL, 9UL, false)]
    [InlineData(34UL, 100UL, true)]
    [InlineData(33UL, 100UL, false)]
    public void A_third_or_more_can_halt(ulong power, ulong total, bool halts) =>
        Assert.Equal(halts, PowerThreshold.CanHalt(power, total));

    [Theory]
    [InlineData(6UL, 9UL, false)] // exactly two thirds cannot commit: the engine needs more
    [InlineData(7UL, 9UL, true)]
    [InlineData(67UL, 100UL, true)]
    [InlineData(66UL, 100UL, false)]
    public void More_than_two_thirds_can_commit(ulong power, ulong total, bool commits) =>
        Assert.Equal(commits, PowerThreshold.CanCommit(power, total));

    [Fact]
    public void Thresholds_do_not_overflow_at_the_largest_total() =>
        Assert.True(PowerThreshold.CanCommit(ulong.MaxValue, ulong.MaxValue) && PowerThreshold.CanHalt(ulong.MaxValue / 3 + 1, ulong.MaxValue));

    [Fact]
    public void More_power_than_the_total_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerThreshold.CanHalt(2, 1));
}
