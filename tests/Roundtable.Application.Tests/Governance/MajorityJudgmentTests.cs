using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

/// <summary>The worked examples of docs/assessments.md, on the scale poor (0), fair (1), good (2), very good (3), excellent (4).</summary>
public sealed class MajorityJudgmentTests
{
    private const int Poor = 0;
    private const int Fair = 1;
    private const int Good = 2;
    private const int VeryGood = 3;
    private const int Excellent = 4;
    private const int Scale = 5;

    /// <summary>One criterion graded by members "civil-society-0" … in order.</summary>
    private static MajorityJudgmentResult OneGroup(params int[] grades)
    {
        var box = BallotBox.FromLog(
            Electors(InGroup("civil-society", grades.Length)),
            Votes("civil-society", 0, [.. grades.Select(g => GradeBallot.Of(g))]));
        return MajorityJudgmentTally.Tally(box, 1, Scale);
    }

    /// <summary>
    /// Example 4: seven private-sector ballots say excellent; one ballot from each of the four other
    /// groups says poor, fair, fair and good. A second criterion is graded very good by everyone.
    /// </summary>
    private static MajorityJudgmentResult OneLargeGroup()
    {
        var electorate = Electors(
            InGroup("private-sector", 7),
            InGroup("civil-society", 1),
            InGroup("government", 1),
            InGroup("intergovernmental", 1),
            InGroup("technical", 1));
        var log = Votes("private-sector", 0, [.. Repeat(GradeBallot.Of(Excellent, VeryGood), 7)])
            .Concat(Votes("civil-society", 0, GradeBallot.Of(Poor, VeryGood)))
            .Concat(Votes("government", 0, GradeBallot.Of(Fair, VeryGood)))
            .Concat(Votes("intergovernmental", 0, GradeBallot.Of(Fair, VeryGood)))
            .Concat(Votes("technical", 0, GradeBallot.Of(Good, VeryGood)));
        return MajorityJudgmentTally.Tally(BallotBox.FromLog(electorate, log), 2, Scale);
    }

    [Fact]
    public void With_an_odd_count_the_majority_grade_is_the_middle_grade()
    {
        var judgment = OneGroup(Poor, Good, Good, VeryGood, Excellent).Criteria[0];

        Assert.Equal(Good, judgment.Overall.Grade);
        Assert.Equal((R(2, 5), R(1, 5)), (judgment.Overall.Above, judgment.Overall.Below));
        Assert.Equal(new[] { 1, 0, 2, 1, 1 }, judgment.Counts);
        Assert.Equal(new[] { R(1, 5), R(0), R(2, 5), R(1, 5), R(1, 5) }, judgment.Overall.Shares);
    }

    [Fact]
    public void With_an_even_count_the_majority_grade_is_the_lower_of_the_two_middle_grades()
    {
        var judgment = OneGroup(Fair, Good, VeryGood, Excellent).Criteria[0];

        Assert.Equal(Good, judgment.Overall.Grade);
        Assert.Equal((R(1, 2), R(1, 4)), (judgment.Overall.Above, judgment.Overall.Below));
    }

    [Fact]
    public void An_even_split_between_two_grades_gives_the_lower_one_with_half_the_weight_above()
    {
        var judgment = OneGroup(Fair, VeryGood, Fair, VeryGood, Fair, VeryGood).Criteria[0];

        Assert.Equal(Fair, judgment.Overall.Grade);
        Assert.Equal((R(1, 2), R(0)), (judgment.Overall.Above, judgment.Overall.Below));
    }

    [Fact]
    public void A_gauge_tie_has_as_much_weight_above_the_majority_grade_as_below_it()
    {
        var judgment = OneGroup(Poor, Good, Excellent).Criteria[0];

        Assert.Equal(Good, judgment.Overall.Grade);
        Assert.Equal(judgment.Overall.Above, judgment.Overall.Below);
        Assert.Equal(R(1, 3), judgment.Overall.Above);
    }

    [Fact]
    public void A_unanimous_grade_is_the_majority_grade_with_nothing_above_or_below()
    {
        var judgment = OneGroup(VeryGood, VeryGood, VeryGood).Criteria[0];

        Assert.Equal(VeryGood, judgment.Overall.Grade);
        Assert.Equal(VeryGood, judgment.Balanced.Grade);
        Assert.Equal((R(0), R(0)), (judgment.Overall.Above, judgment.Overall.Below));
    }

    [Fact]
    public void One_large_group_sets_the_plain_median_but_not_the_balanced_one()
    {
        var result = OneLargeGroup();
        var judgment = result.Criteria[0];

        Assert.Equal((11, 5), (result.Voters, result.GroupsCounted));
        Assert.Equal(Excellent, judgment.Overall.Grade);
        Assert.Equal((R(0), R(4, 11)), (judgment.Overall.Above, judgment.Overall.Below));
        Assert.Equal(Fair, judgment.Balanced.Grade);
        Assert.Equal((R(2, 5), R(1, 5)), (judgment.Balanced.Above, judgment.Balanced.Below));
        Assert.Equal(new[] { R(1, 5), R(2, 5), R(1, 5), R(0), R(1, 5) }, judgment.Balanced.Shares);
    }

    [Fact]
    public void Each_group_has_its_own_majority_grade()
    {
        var judgment = OneLargeGroup().Criteria[0];

        Assert.Equal(
            new int?[] { Poor, Fair, Fair, Excellent, Good },
            judgment.ByGroup.Values.Select(g => g.Grade));
        Assert.Equal(["civil-society", "government", "intergovernmental", "private-sector", "technical"], judgment.ByGroup.Keys);
    }

    [Fact]
    public void A_criterion_everyone_agrees_on_has_the_same_grade_plain_and_balanced()
    {
        var judgment = OneLargeGroup().Criteria[1];

        Assert.Equal((VeryGood, VeryGood), (judgment.Overall.Grade, judgment.Balanced.Grade));
    }

    [Fact]
    public void A_ballot_of_a_small_group_weighs_more_in_the_balanced_result()
    {
        // Group A: two ballots (poor, excellent), each weighs 1/2; group B: one ballot (good), weighs 1.
        var box = BallotBox.FromLog(
            Electors(InGroup("a", 2), InGroup("b", 1)),
            Votes("a", 0, GradeBallot.Of(Poor), GradeBallot.Of(Excellent)).Concat(Votes("b", 0, GradeBallot.Of(Good))));

        var judgment = MajorityJudgmentTally.Tally(box, 1, Scale).Criteria[0];

        Assert.Equal(Good, judgment.Balanced.Grade);
        Assert.Equal((R(1, 4), R(1, 4)), (judgment.Balanced.Above, judgment.Balanced.Below));
        Assert.Equal(new[] { R(1, 4), R(0), R(1, 2), R(0), R(1, 4) }, judgment.Balanced.Shares);
    }

    [Fact]
    public void Without_ballots_no_criterion_has_a_grade_and_a_group_that_did_not_vote_has_none()
    {
        var box = BallotBox.FromLog(
            Electors(InGroup("a", 2), InGroup("b", 1)),
            Votes("a", 0, GradeBallot.Of(Good, Good)));

        var judgment = MajorityJudgmentTally.Tally(box, 2, Scale).Criteria[0];
        var empty = MajorityJudgmentTally.Tally(BallotBox.Empty<GradeBallot>(Electors(InGroup("a", 2))), 2, Scale);

        Assert.Null(judgment.ByGroup["b"].Grade);
        Assert.Equal(Good, judgment.ByGroup["a"].Grade);
        Assert.All(empty.Criteria, c => Assert.Null(c.Overall.Grade));
        Assert.All(empty.Criteria, c => Assert.Null(c.Balanced.Grade));
        Assert.Equal((0, 0), (empty.Voters, empty.GroupsCounted));
    }

    [Fact]
    public void A_ballot_that_does_not_fit_the_criteria_or_the_scale_says_why()
    {
        Assert.Contains("3 criteria", GradeBallot.Of(1, 2).Misfit(3, Scale), StringComparison.Ordinal);
        Assert.Contains("grades 0 to 2", GradeBallot.Of(1, 4).Misfit(2, 3), StringComparison.Ordinal);
        Assert.Null(GradeBallot.Of(1, 2).Misfit(2, 3));
    }
}
