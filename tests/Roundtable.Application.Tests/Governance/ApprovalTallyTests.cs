using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class ApprovalTallyTests
{
    // Options of the best-practice selection in docs/governance.md §6.
    private const int OpenStandards = 0;
    private const int CodeOfConduct = 1;
    private const int CapacityBuilding = 2;

    private static BallotBox<ApprovalBallot> WorkedExample()
    {
        var electorate = Electors(
            InGroup("private-sector", 10, "weog"),
            InGroup("civil-society", 2, "african"),
            InGroup("government", 3, "asia-pacific"));
        var log = Votes("private-sector", 0, Repeat(ApprovalBallot.Of(CodeOfConduct), 10).ToArray())
            .Concat(Votes("civil-society", 0, ApprovalBallot.Of(OpenStandards, CapacityBuilding), ApprovalBallot.Of(OpenStandards)))
            .Concat(Votes("government", 0, ApprovalBallot.Of(OpenStandards), ApprovalBallot.Of(CodeOfConduct, OpenStandards), ApprovalBallot.Of(CapacityBuilding)));
        return BallotBox.FromLog(electorate, log);
    }

    [Fact]
    public void Plain_approval_worked_example()
    {
        var result = ApprovalTally.Tally(WorkedExample(), 3);
        Assert.False(result.Balanced);
        Assert.Equal(new[] { 4, 11, 2 }, result.Approvals);
        Assert.Equal(new[] { R(4), R(11), R(2) }, result.Scores);
        Assert.Equal(CodeOfConduct, result.Winner);
        Assert.Equal(new[] { CodeOfConduct }, result.TiedForFirst);
        Assert.Equal(15, result.Voters);
        Assert.Equal(new[] { 2, 0, 1 }, result.ByGroup["civil-society"].Approvals);
        Assert.Equal(OpenStandards, result.ByGroup["civil-society"].Winner);
        Assert.Equal(R(10), result.ByGroup["private-sector"].Weight);
        Assert.Equal(new[] { 2, 1, 1 }, result.ByRegion["asia-pacific"].Approvals);
    }

    [Fact]
    public void Balanced_approval_worked_example_gives_each_group_total_weight_one()
    {
        var result = ApprovalTally.TallyBalanced(WorkedExample(), 3);
        Assert.True(result.Balanced);

        // Private sector: 10 × 1/10 on code of conduct. Civil society: 1/2 each. Government: 1/3 each.
        Assert.Equal(new[] { R(5, 3), R(4, 3), R(5, 6) }, result.Scores);
        Assert.Equal(OpenStandards, result.Winner);
        Assert.Equal(new[] { 4, 11, 2 }, result.Approvals);
        Assert.Equal(Rational.One, result.ByGroup["private-sector"].Weight);
        Assert.Equal(Rational.One, result.ByGroup["civil-society"].Weight);
        Assert.Equal(Rational.One, result.ByGroup["government"].Weight);
        Assert.Equal(new[] { R(0), R(1), R(0) }, result.ByGroup["private-sector"].Scores);
        Assert.Equal(new[] { R(1), R(0), R(1, 2) }, result.ByGroup["civil-society"].Scores);
        Assert.Equal(new[] { R(2, 3), R(1, 3), R(1, 3) }, result.ByGroup["government"].Scores);
        Assert.Equal(new[] { "1.667", "1.333", "0.833" }, result.Scores.Select(s => s.ToDecimalString(3)));
    }

    [Fact]
    public void Ties_go_to_the_lowest_option_index()
    {
        var electorate = Electors(InGroup("government", 4));
        var box = BallotBox.FromLog(electorate, Votes("government", 0,
            ApprovalBallot.Of(2, 3), ApprovalBallot.Of(3), ApprovalBallot.Of(2), ApprovalBallot.Of(0)));
        var result = ApprovalTally.Tally(box, 4);
        Assert.Equal(2, result.Winner);
        Assert.Equal(new[] { 2, 3 }, result.TiedForFirst);
    }

    [Fact]
    public void Nothing_approved_means_no_winner_and_an_empty_ballot_still_dilutes_its_group()
    {
        var electorate = Electors(InGroup("government", 2), InGroup("academia", 1));
        var none = ApprovalTally.Tally(BallotBox.FromLog(electorate, Votes("government", 0, ApprovalBallot.None)), 2);
        Assert.Null(none.Winner);
        Assert.Empty(none.TiedForFirst);

        var box = BallotBox.FromLog(electorate, Votes("government", 0, ApprovalBallot.None, ApprovalBallot.Of(1))
            .Concat(Votes("academia", 0, ApprovalBallot.Of(0))));
        var balanced = ApprovalTally.TallyBalanced(box, 2);
        Assert.Equal(new[] { R(1), R(1, 2) }, balanced.Scores);
    }

    [Fact]
    public void Ballots_are_normalized_and_checked_against_the_options()
    {
        Assert.Equal(new[] { 0, 2, 5 }, ApprovalBallot.Of(5, 0, 2, 5).Approved);
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalBallot.Of(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalBallot.Of(BallotLimits.MaxOptions));
        var electorate = Electors(InGroup("government", 1));
        Assert.Throws<ArgumentException>(() => ApprovalTally.Tally(BallotBox.FromLog(electorate, Votes("government", 0, ApprovalBallot.Of(3))), 3));
    }
}
