using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>The majority-judgment result of one criterion.</summary>
/// <param name="Criterion">The criterion's index.</param>
/// <param name="Counts">Ballots at each grade, worst first.</param>
/// <param name="Overall">One ballot, one weight.</param>
/// <param name="Balanced">Every stakeholder group with ballots weighs 1, split evenly among its ballots.</param>
/// <param name="ByGroup">One ballot, one weight inside each group of the electorate (no grade for a group that did not vote).</param>
public sealed record CriterionJudgment(
    int Criterion,
    ImmutableArray<int> Counts,
    MajorityGrade Overall,
    MajorityGrade Balanced,
    ImmutableSortedDictionary<string, MajorityGrade> ByGroup);

/// <summary>The majority-judgment result of an assessment.</summary>
/// <param name="Voters">Electors who graded.</param>
/// <param name="GroupsCounted">Stakeholder groups with at least one ballot (each weighs 1 in the balanced result).</param>
/// <param name="Criteria">One result per criterion, in the proposal's order.</param>
public sealed record MajorityJudgmentResult(int Voters, int GroupsCounted, ImmutableArray<CriterionJudgment> Criteria);

/// <summary>
/// Majority judgment over grade ballots, with exact rational weights: the plain result counts each
/// ballot once; the balanced result gives each stakeholder group that voted a total weight of 1,
/// so a ballot of a group of n voters weighs 1/n, and no group can set a median alone by numbers.
/// </summary>
public static class MajorityJudgmentTally
{
    /// <summary>Counts <paramref name="box"/>, whose ballots grade <paramref name="criteria"/> criteria on a scale of <paramref name="grades"/>.</summary>
    /// <exception cref="ArgumentException">A ballot does not fit the criteria and the scale.</exception>
    public static MajorityJudgmentResult Tally(BallotBox<GradeBallot> box, int criteria, int grades)
    {
        ArgumentNullException.ThrowIfNull(box);
        foreach (var counted in box.Ballots)
        {
            var misfit = counted.Ballot.Misfit(criteria, grades);
            if (misfit is not null)
            {
                throw new ArgumentException(misfit, nameof(box));
            }
        }

        var groupSizes = box.Ballots
            .GroupBy(static b => b.Voter.Group, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        var judgments = Enumerable.Range(0, criteria)
            .Select(c => Judge(box, groupSizes, c, grades))
            .ToImmutableArray();
        return new MajorityJudgmentResult(box.Count, groupSizes.Count, judgments);
    }

    private static CriterionJudgment Judge(BallotBox<GradeBallot> box, ImmutableSortedDictionary<string, int> groupSizes, int criterion, int grades)
    {
        var counts = Count(box.Ballots, criterion, grades);
        var balanced = new Rational[grades];
        foreach (var counted in box.Ballots)
        {
            var grade = counted.Ballot.Grades[criterion];
            balanced[grade] += Rational.Of(1, groupSizes[counted.Voter.Group]);
        }

        return new CriterionJudgment(
            criterion,
            counts,
            MajorityGrade.Of(Weights(counts)),
            MajorityGrade.Of(balanced),
            Breakdown.ByGroup(box, (_, ballots) => MajorityGrade.Of(Weights(Count(ballots, criterion, grades)))));
    }

    private static ImmutableArray<int> Count(ImmutableArray<CountedBallot<GradeBallot>> ballots, int criterion, int grades)
    {
        var counts = new int[grades];
        foreach (var counted in ballots)
        {
            counts[counted.Ballot.Grades[criterion]]++;
        }

        return [.. counts];
    }

    private static Rational[] Weights(ImmutableArray<int> counts) => [.. counts.Select(static c => (Rational)c)];
}
