using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class MajorityAndBalancedTests
{
    private static readonly YesNoBallot Y = YesNoBallot.Yes;
    private static readonly YesNoBallot N = YesNoBallot.No;
    private static readonly YesNoBallot A = YesNoBallot.Abstain;

    /// <summary>docs/governance.md §3 worked example: 20 electors, 9 yes, 4 no, 2 abstain, 5 silent.</summary>
    [Fact]
    public void Majority_worked_example()
    {
        var electorate = Electors(
            InGroup("government", 8, "weog"),
            InGroup("civil-society", 12, "grulac"));
        var log = Votes("government", 0, Y, Y, Y, Y, Y, N, A)
            .Concat(Votes("civil-society", 0, Y, Y, Y, Y, N, N, N, A));
        var box = BallotBox.FromLog(electorate, log);

        var result = MajorityTally.Tally(box, new MajorityRules(R(1, 2), Threshold.SimpleMajority));

        Assert.Equal(new YesNoCounts(20, 9, 4, 2), result.Total);
        Assert.Equal(5, result.Total.DidNotVote);
        Assert.Equal(R(3, 4), result.Total.Participation);
        Assert.Equal(R(9, 13), result.Total.Support);
        Assert.Equal("0.6923", result.Total.Support!.Value.ToDecimalString(4));
        Assert.True(result.QuorumMet);
        Assert.True(result.ThresholdMet);
        Assert.True(result.Passed);
        Assert.Equal(new YesNoCounts(8, 5, 1, 1), result.ByGroup["government"]);
        Assert.Equal(new YesNoCounts(12, 4, 3, 1), result.ByGroup["civil-society"]);
        Assert.Equal(R(4, 7), result.ByGroup["civil-society"].Support);
        Assert.Equal(R(5, 6), result.ByGroup["government"].Support);
        Assert.Equal(new YesNoCounts(12, 4, 3, 1), result.ByRegion["grulac"]);
        Assert.Equal(new[] { "civil-society", "government" }, result.ByGroup.Keys);

        // Two thirds, inclusive or strict: 9/13 > 2/3 either way; a quorum of 4/5 is not reached.
        Assert.True(MajorityTally.Tally(box, new MajorityRules(R(1, 2), Threshold.AtLeast(R(2, 3)))).Passed);
        var highQuorum = MajorityTally.Tally(box, new MajorityRules(R(4, 5), Threshold.SimpleMajority));
        Assert.False(highQuorum.QuorumMet);
        Assert.False(highQuorum.Passed);
    }

    [Fact]
    public void Majority_threshold_boundary_is_explicit()
    {
        var electorate = Electors(InGroup("government", 12));
        var box = BallotBox.FromLog(electorate, Votes("government", 0, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, N));
        Assert.Equal(R(2, 3), MajorityTally.Tally(box, new MajorityRules(0, Threshold.AtLeast(R(2, 3)))).Total.Support);
        Assert.True(MajorityTally.Tally(box, new MajorityRules(0, Threshold.AtLeast(R(2, 3)))).Passed);
        Assert.False(MajorityTally.Tally(box, new MajorityRules(0, Threshold.MoreThan(R(2, 3)))).Passed);

        // Exactly half is not a majority.
        var tie = BallotBox.FromLog(electorate, Votes("government", 0, Y, N));
        Assert.False(MajorityTally.Tally(tie, new MajorityRules(0, Threshold.SimpleMajority)).Passed);
        Assert.True(MajorityTally.Tally(tie, new MajorityRules(0, Threshold.AtLeast(Rational.Half))).Passed);
    }

    [Fact]
    public void Majority_with_only_abstentions_or_no_electors_does_not_pass()
    {
        var electorate = Electors(InGroup("government", 3));
        var abstained = MajorityTally.Tally(BallotBox.FromLog(electorate, Votes("government", 0, A, A, A)), new MajorityRules(0, Threshold.AtLeast(0)));
        Assert.True(abstained.QuorumMet);
        Assert.Null(abstained.Total.Support);
        Assert.False(abstained.Passed);

        var empty = MajorityTally.Tally(BallotBox.Empty<YesNoBallot>(Electors()), new MajorityRules(0, Threshold.AtLeast(0)));
        Assert.Null(empty.Total.Participation);
        Assert.False(empty.Passed);
        Assert.Throws<ArgumentOutOfRangeException>(() => MajorityTally.Tally(BallotBox.Empty<YesNoBallot>(electorate), new MajorityRules(R(3, 2), Threshold.SimpleMajority)));
    }

    /// <summary>
    /// The brief's case and docs/governance.md §4: 100 private-sector members all vote yes, three
    /// groups of five vote 1 yes / 4 no each. One member one vote passes 103 to 12; the balanced
    /// vote fails, because the private sector weighs 1/4 however many members it has.
    /// </summary>
    [Fact]
    public void A_large_group_cannot_outvote_the_others_in_a_balanced_vote()
    {
        var electorate = Electors(
            InGroup("private-sector", 100, "weog"),
            InGroup("government", 5, "african"),
            InGroup("civil-society", 5, "grulac"),
            InGroup("technical-community", 5, "asia-pacific"));
        var log = Votes("private-sector", 0, Repeat(Y, 100).ToArray())
            .Concat(Votes("government", 0, Y, N, N, N, N))
            .Concat(Votes("civil-society", 0, Y, N, N, N, N))
            .Concat(Votes("technical-community", 0, Y, N, N, N, N));
        var box = BallotBox.FromLog(electorate, log);

        var majority = MajorityTally.Tally(box, new MajorityRules(R(1, 2), Threshold.SimpleMajority));
        Assert.True(majority.Passed);
        Assert.Equal(new YesNoCounts(115, 103, 12, 0), majority.Total);
        Assert.Equal(R(103, 115), majority.Total.Support);

        var rules = new BalancedRules(Threshold.AtLeast(Rational.Half), RequiredGroups: 3);
        var balanced = BalancedTally.Tally(box, rules);
        Assert.False(balanced.Passed);
        Assert.Equal(R(2, 5), balanced.BalancedSupport);
        Assert.Equal("0.40", balanced.BalancedSupport!.Value.ToDecimalString(2));
        Assert.False(balanced.ThresholdMet);
        Assert.Equal(4, balanced.GroupsCounted);
        Assert.Equal(1, balanced.GroupsWithMajority);
        Assert.False(balanced.RequiredGroupsMet);

        var priv = balanced.ByGroup["private-sector"];
        Assert.Equal(Rational.One, priv.Support);
        Assert.Equal(R(1, 4), priv.Weight);
        Assert.Equal(R(1, 400), priv.VoterWeight);
        Assert.True(priv.HasOwnMajority);
        var gov = balanced.ByGroup["government"];
        Assert.Equal(R(1, 5), gov.Support);
        Assert.Equal(R(1, 4), gov.Weight);
        Assert.Equal(R(1, 20), gov.VoterWeight);
        Assert.False(gov.HasOwnMajority);
        Assert.Equal(new YesNoCounts(100, 100, 0, 0), balanced.ByRegion["weog"]);
        Assert.Equal(new YesNoCounts(5, 1, 4, 0), balanced.ByRegion["asia-pacific"]);
    }

    /// <summary>docs/governance.md §4 second example: a group that only abstained is left out of the average.</summary>
    [Fact]
    public void Balanced_worked_example_with_an_abstaining_group()
    {
        var electorate = Electors(
            InGroup("academia", 4, "eeg"),
            InGroup("civil-society", 6, "african"),
            InGroup("government", 8, "weog"),
            InGroup("private-sector", 5, "asia-pacific"));
        var log = Votes("government", 0, Y, Y, Y, Y, Y, Y, N, N)   // 3/4
            .Concat(Votes("private-sector", 0, Y, Y, Y, N, N))     // 3/5
            .Concat(Votes("civil-society", 0, Y, N, N, N))         // 1/4, 2 silent
            .Concat(Votes("academia", 0, A, A, A, A));             // no side taken
        var box = BallotBox.FromLog(electorate, log);

        var result = BalancedTally.Tally(box, new BalancedRules(Threshold.AtLeast(Rational.Half), RequiredGroups: 2));
        Assert.Equal(3, result.GroupsCounted);
        Assert.Equal(R(8, 15), result.BalancedSupport);
        Assert.Equal("0.5333", result.BalancedSupport!.Value.ToDecimalString(4));
        Assert.Equal(2, result.GroupsWithMajority);
        Assert.True(result.Passed);
        Assert.False(result.ByGroup["academia"].Counted);
        Assert.Equal(Rational.Zero, result.ByGroup["academia"].Weight);
        Assert.Equal(R(1, 3), result.ByGroup["government"].Weight);
        Assert.Equal(R(1, 24), result.ByGroup["government"].VoterWeight);
        Assert.Equal(R(1, 15), result.ByGroup["private-sector"].VoterWeight);
        Assert.Equal(R(1, 12), result.ByGroup["civil-society"].VoterWeight);

        // Three groups with their own majority are required: only two have one.
        Assert.False(BalancedTally.Tally(box, new BalancedRules(Threshold.AtLeast(Rational.Half), RequiredGroups: 3)).Passed);

        // A group quorum of 3/4: civil society (4 of 6 voted) is dropped; (3/4 + 3/5) / 2 = 27/40.
        var withQuorum = BalancedTally.Tally(box, new BalancedRules(Threshold.AtLeast(Rational.Half), 2, GroupQuorum: R(3, 4)));
        Assert.False(withQuorum.ByGroup["civil-society"].QuorumMet);
        Assert.False(withQuorum.ByGroup["civil-society"].Counted);
        Assert.True(withQuorum.ByGroup["academia"].QuorumMet);
        Assert.False(withQuorum.ByGroup["academia"].Counted);
        Assert.Equal(2, withQuorum.GroupsCounted);
        Assert.Equal(R(27, 40), withQuorum.BalancedSupport);
        Assert.True(withQuorum.Passed);
    }

    [Fact]
    public void Balanced_vote_without_any_side_taken_does_not_pass()
    {
        var electorate = Electors(InGroup("government", 2), InGroup("academia", 2));
        var result = BalancedTally.Tally(BallotBox.FromLog(electorate, Votes("government", 0, A)), new BalancedRules(Threshold.AtLeast(0), 0));
        Assert.Null(result.BalancedSupport);
        Assert.Equal(0, result.GroupsCounted);
        Assert.False(result.Passed);
    }
}
