using Roundtable.Application.Genesis;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Application.Validators;
using Roundtable.Core.Encoding;
using static Roundtable.Application.Tests.Power.PowerFixtures;

namespace Roundtable.Application.Tests.Power;

/// <summary>The power report read from a real application's committed state.</summary>
public sealed class LedgerPowerReportTests
{
    [Fact]
    public void Report_of_the_test_chain_counts_five_balanced_groups_and_the_verified_founders()
    {
        var chain = new TestChain();
        var report = chain.App.ReportPower();

        Assert.Equal(5 * 720_720UL, report.TotalPower);
        Assert.All(report.PowerByGroup, g => Assert.Equal(Rational.Of(1, 5), g.Fraction));
        Assert.Equal((2, 4), (report.Groups.ToHalt, report.Groups.ToCommit)); // 2/5 ≥ 1/3; 3/5 is not > 2/3, 4/5 is
        Assert.Equal((2, 4), (report.Operators.ToHalt, report.Operators.ToCommit));

        // No validator declared a region in this genesis: all power is "unspecified", every declared region shows zero.
        Assert.Equal([.. TestChain.Regions, ValidatorRegion.Unspecified], report.PowerByRegion.Select(r => r.Name));
        Assert.Equal(Rational.One, report.PowerByRegion.Single(r => r.Name == ValidatorRegion.Unspecified).Fraction);

        Assert.Equal(10UL, report.VerifiedMembers);
        Assert.All(report.MembersByGroup, g => Assert.Equal(2UL, g.Amount));
        Assert.Equal([Rational.Half, Rational.Half, Rational.Zero, Rational.Zero], report.MembersByRegion.Select(r => r.Fraction));
        Assert.Equal(0UL, report.Participation.Proposals);
    }

    [Fact]
    public void Unverified_members_are_not_counted_and_reading_the_report_changes_nothing()
    {
        var chain = new TestChain();
        chain.Register("newcomer", "technical", "europe");
        var root = chain.App.StateRoot;

        var report = chain.App.ReportPower();

        Assert.Equal(10UL, report.VerifiedMembers);
        Assert.Equal(0UL, report.MembersByRegion.Single(r => r.Name == "europe").Amount);
        Assert.Equal(root, chain.App.StateRoot);
    }

    [Fact]
    public void Regions_declared_in_genesis_give_power_per_region()
    {
        var validators = Balanced(FourGroups, 1, 2, 1, 1);
        var regions = new[]
        {
            new GenesisValidatorRegion(validators[0].Key, "africa"),
            new GenesisValidatorRegion(validators[1].Key, "europe"),
            new GenesisValidatorRegion(validators[2].Key, "europe"),
            new GenesisValidatorRegion(validators[3].Key, "latin-america"),
        };
        var app = LedgerApplication.FromGenesis(Genesis(validators, regions));

        var report = app.ReportPower();

        // Government's two validators share its quarter; the technical community's operator declared no region.
        Assert.Equal(["africa", "asia-pacific", "europe", "latin-america", ValidatorRegion.Unspecified], report.PowerByRegion.Select(r => r.Name));
        Assert.Equal([Rational.Of(1, 4), Rational.Zero, Rational.Of(1, 4), Rational.Of(1, 4), Rational.Of(1, 4)], report.PowerByRegion.Select(r => r.Fraction));
        Assert.Equal("europe", report.Validators.Single(v => v.Address == validators[1].Key.Id).Region);
        Assert.Equal((2, 3), (report.Regions.ToHalt, report.Regions.ToCommit));
    }

    [Fact]
    public void Genesis_without_regions_has_the_same_state_root_as_before_regions_existed()
    {
        var validators = Balanced(FourGroups, 1, 1, 1, 1);
        Assert.Equal(
            LedgerApplication.FromGenesis(Genesis(validators, null)).StateRoot,
            LedgerApplication.FromGenesis(Genesis(validators, [])).StateRoot);
    }

    [Fact]
    public void Genesis_region_for_a_key_that_is_not_a_validator_is_refused()
    {
        var validators = Balanced(FourGroups, 1, 1, 1, 1);
        var e = Assert.Throws<ArgumentException>(() => LedgerApplication.FromGenesis(Genesis(validators, [new(TestKeys.Get("stranger").PublicKey, "africa")])));
        Assert.Contains("not a genesis validator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Genesis_region_that_is_not_declared_is_refused()
    {
        var validators = Balanced(FourGroups, 1, 1, 1, 1);
        var e = Assert.Throws<ArgumentException>(() => LedgerApplication.FromGenesis(Genesis(validators, [new(validators[0].Key, "atlantis")])));
        Assert.Contains("unknown region 'atlantis'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Genesis_region_given_twice_for_one_validator_is_refused()
    {
        var validators = Balanced(FourGroups, 1, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => LedgerApplication.FromGenesis(Genesis(validators, [new(validators[0].Key, "africa"), new(validators[0].Key, "europe")])));
    }

    [Fact]
    public void Validator_region_encoding_is_the_region_string_and_refuses_a_non_identifier()
    {
        Assert.Equal("06616672696361", Convert.ToHexStringLower(Canonical.ToBytes(new ValidatorRegion("africa"))));
        Assert.Equal("africa", Canonical.FromBytes<ValidatorRegion>(Canonical.ToBytes(new ValidatorRegion("africa"))).Region);
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<ValidatorRegion>(Canonical.ToBytes(new ValidatorRegion("Not An Id"))));
    }

    private static GenesisState Genesis(IReadOnlyList<Ledger.Validators.Validator> validators, IReadOnlyList<GenesisValidatorRegion>? regions) =>
        new(TestChain.Id, TestChain.GenesisTimeMs, TestChain.MakeParameters(), validators, [], regions);
}
