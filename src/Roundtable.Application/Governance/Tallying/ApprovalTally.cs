using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>Approval counts over a set of electors (a stakeholder group or a region).</summary>
/// <param name="Electors">Electors in the set.</param>
/// <param name="Voters">Ballots cast in the set (an empty ballot counts).</param>
/// <param name="Weight">Total weight of those ballots: Voters in plain approval; in balanced approval 1 for a group with voters, and the sum of its voters' weights for a region.</param>
/// <param name="Approvals">Approvals per option, unweighted.</param>
/// <param name="Scores">The set's contribution to each option's total score (weighted approvals).</param>
/// <param name="Winner">The option this set alone would choose (unweighted, lowest index on a tie), or null without approvals.</param>
public sealed record ApprovalCounts(
    int Electors,
    int Voters,
    Rational Weight,
    ImmutableArray<int> Approvals,
    ImmutableArray<Rational> Scores,
    int? Winner);

/// <summary>The outcome of an approval vote.</summary>
/// <param name="Balanced">True for balanced approval.</param>
/// <param name="OptionCount">Options offered.</param>
/// <param name="Scores">Score per option: approvals (plain) or weighted approvals (balanced).</param>
/// <param name="Approvals">Unweighted approvals per option.</param>
/// <param name="Winner">The option with the highest score, lowest index among equals; null when nothing was approved.</param>
/// <param name="TiedForFirst">Every option with the highest score, ascending (the winner first); empty without approvals.</param>
/// <param name="Voters">Electors who voted.</param>
/// <param name="ByGroup">Per stakeholder group, every group with electors.</param>
/// <param name="ByRegion">Per region, every region with electors.</param>
/// <param name="Superseded">Ballots replaced by a re-vote.</param>
/// <param name="Ignored">Ballots from non-electors, not counted.</param>
public sealed record ApprovalResult(
    bool Balanced,
    int OptionCount,
    ImmutableArray<Rational> Scores,
    ImmutableArray<int> Approvals,
    int? Winner,
    ImmutableArray<int> TiedForFirst,
    int Voters,
    ImmutableSortedDictionary<string, ApprovalCounts> ByGroup,
    ImmutableSortedDictionary<string, ApprovalCounts> ByRegion,
    int Superseded,
    int Ignored);

/// <summary>
/// <c>approval</c>: each voter approves any subset of the options; the option with the most
/// approvals wins. Balanced approval weighs every stakeholder group equally: a ballot in group g
/// weighs 1/nᵍ, nᵍ being the number of ballots cast in g, so each group that voted carries a total
/// weight of 1 however many members it has. Ties go to the lowest option index (the order in
/// which the proposal lists its options), a fixed rule every node applies identically.
/// </summary>
public static class ApprovalTally
{
    /// <summary>Plain approval: one ballot, one approval per approved option.</summary>
    /// <exception cref="ArgumentException">A ballot approves an option index not below <paramref name="optionCount"/>.</exception>
    public static ApprovalResult Tally(BallotBox<ApprovalBallot> box, int optionCount) => Run(box, optionCount, balanced: false);

    /// <summary>Balanced approval: every group that voted carries total weight 1.</summary>
    /// <exception cref="ArgumentException">A ballot approves an option index not below <paramref name="optionCount"/>.</exception>
    public static ApprovalResult TallyBalanced(BallotBox<ApprovalBallot> box, int optionCount) => Run(box, optionCount, balanced: true);

    private static ApprovalResult Run(BallotBox<ApprovalBallot> box, int optionCount, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(box);
        BallotLimits.CheckOptionCount(optionCount);
        foreach (var ballot in box.Ballots)
        {
            if (ballot.Ballot.Approved.Length > 0 && ballot.Ballot.Approved[^1] >= optionCount)
            {
                throw new ArgumentException(
                    $"Voter {ballot.Voter.MemberId.ToShortString()} approves option {ballot.Ballot.Approved[^1]} of {optionCount}.", nameof(box));
            }
        }

        // A ballot's weight: 1, or 1 / (ballots in the voter's group).
        var groupVoters = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var ballot in box.Ballots)
        {
            groupVoters[ballot.Voter.Group] = groupVoters.GetValueOrDefault(ballot.Voter.Group) + 1;
        }

        Rational WeightOf(Voter voter) => balanced ? Rational.Of(1, groupVoters[voter.Group]) : Rational.One;

        ApprovalCounts Count(int electors, ImmutableArray<CountedBallot<ApprovalBallot>> ballots)
        {
            var approvals = new int[optionCount];
            var scores = new Rational[optionCount];
            var weight = Rational.Zero;
            foreach (var ballot in ballots)
            {
                var w = WeightOf(ballot.Voter);
                weight += w;
                foreach (var option in ballot.Ballot.Approved)
                {
                    approvals[option]++;
                    scores[option] += w;
                }
            }

            var (winner, _) = Best(Array.ConvertAll(approvals, static a => (Rational)a));
            return new ApprovalCounts(electors, ballots.Length, weight, [.. approvals], [.. scores], winner);
        }

        var total = Count(box.Electorate.Count, box.Ballots);
        var (top, tied) = Best([.. total.Scores]);
        return new ApprovalResult(
            balanced,
            optionCount,
            total.Scores,
            total.Approvals,
            top,
            tied,
            box.Count,
            Breakdown.ByGroup(box, Count),
            Breakdown.ByRegion(box, Count),
            box.Superseded,
            box.Ignored);
    }

    /// <summary>The lowest index with the highest positive score, and all indices with that score.</summary>
    private static (int? Winner, ImmutableArray<int> Tied) Best(Rational[] scores)
    {
        var best = Rational.Zero;
        foreach (var score in scores)
        {
            best = Rational.Max(best, score);
        }

        if (best.IsZero)
        {
            return (null, []);
        }

        var tied = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] == best)
            {
                tied.Add(i);
            }
        }

        return (tied[0], tied.ToImmutable());
    }
}
