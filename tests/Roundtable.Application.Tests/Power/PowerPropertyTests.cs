using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Power.PowerFixtures;

namespace Roundtable.Application.Tests.Power;

/// <summary>Group balancing, checked over many validator counts.</summary>
public sealed class PowerPropertyTests
{
    public static TheoryData<int> Seeds => [1, 7, 42, 2024, 65537];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Adding_validators_to_one_group_never_changes_another_groups_share(int seed)
    {
        var random = new Random(seed);
        var counts = FourGroups.Select(_ => random.Next(1, 20)).ToArray();
        for (var step = 0; step < 20; step++)
        {
            var before = Report(Balanced(FourGroups, counts));
            var grown = random.Next(FourGroups.Length);
            counts[grown] += random.Next(1, 5);
            var after = Report(Balanced(FourGroups, counts));

            for (var g = 0; g < FourGroups.Length; g++)
            {
                Assert.Equal(before.PowerByGroup[g].Fraction, after.PowerByGroup[g].Fraction);
                Assert.Equal(Rational.Of(1, FourGroups.Length), after.PowerByGroup[g].Fraction);
            }

            Assert.Equal((2, 3), (after.Groups.ToHalt, after.Groups.ToCommit));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shares_always_add_up_to_one(int seed)
    {
        var random = new Random(seed);
        var counts = FourGroups.Select(_ => random.Next(1, 40)).ToArray();
        var report = Report(Balanced(FourGroups, counts));

        Assert.Equal(Rational.One, report.Validators.Aggregate(Rational.Zero, (sum, v) => sum + v.Fraction));
        Assert.Equal(Rational.One, report.PowerByGroup.Aggregate(Rational.Zero, (sum, g) => sum + g.Fraction));
    }
}
