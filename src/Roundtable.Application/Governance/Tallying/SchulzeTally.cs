using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>Ranked-ballot figures over a set of electors (a stakeholder group or a region).</summary>
/// <param name="Electors">Electors in the set.</param>
/// <param name="Voters">Ballots cast in the set.</param>
/// <param name="Weight">Total weight of those ballots (Voters in plain Schulze; 1 per group that voted in balanced Schulze).</param>
/// <param name="Pairwise">Unweighted d[x, y] within the set: its voters who rank x above y.</param>
/// <param name="Winner">The Schulze winner of the set's ballots alone (unweighted), or null without ballots.</param>
public sealed record RankedCounts(int Electors, int Voters, Rational Weight, SquareTable Pairwise, int? Winner);

/// <summary>The outcome of a ranked vote counted by the Schulze method.</summary>
/// <param name="Balanced">True for balanced Schulze.</param>
/// <param name="OptionCount">Options offered.</param>
/// <param name="Pairwise">d[x, y]: (weight of) voters who rank x strictly above y.</param>
/// <param name="Strongest">p[x, y]: strength of the strongest (widest) path from x to y.</param>
/// <param name="Ranking">Every option, best first: the Schulze order, completed by the tie-break.</param>
/// <param name="Winner">Ranking[0]; null when nobody voted.</param>
/// <param name="PotentialWinners">Options no other option beats (p[y, x] &gt; p[x, y] for no y), ascending.</param>
/// <param name="Voters">Electors who voted.</param>
/// <param name="ByGroup">Per stakeholder group, every group with electors.</param>
/// <param name="ByRegion">Per region, every region with electors.</param>
/// <param name="Superseded">Ballots replaced by a re-vote.</param>
/// <param name="Ignored">Ballots from non-electors, not counted.</param>
public sealed record SchulzeResult(
    bool Balanced,
    int OptionCount,
    SquareTable Pairwise,
    SquareTable Strongest,
    ImmutableArray<int> Ranking,
    int? Winner,
    ImmutableArray<int> PotentialWinners,
    int Voters,
    ImmutableSortedDictionary<string, RankedCounts> ByGroup,
    ImmutableSortedDictionary<string, RankedCounts> ByRegion,
    int Superseded,
    int Ignored);

/// <summary>
/// <c>ranked</c>: the Schulze method. d[x, y] is the number (or, balanced, the weight) of voters
/// ranking x strictly above y. A link x→y has strength d[x, y] when d[x, y] &gt; d[y, x] and 0
/// otherwise ("winning votes"); p[x, y] is the strength of the widest path from x to y (the
/// largest, over all paths, of the weakest link on the path), computed with the Floyd–Warshall
/// variant. x beats y when p[x, y] &gt; p[y, x]; that relation is transitive (Schulze 2011), and
/// the potential winners are the options nobody beats.
/// <para>Tie-break: the ranking is built by repeatedly taking, among the options still unplaced,
/// the lowest-index one that no unplaced option beats; so among potential winners, and among
/// options the method leaves unordered, the lower option index (the proposal's listing order)
/// comes first. The winner is the first of that ranking.</para>
/// <para>Balanced Schulze weighs a ballot in group g by 1/nᵍ (nᵍ ballots cast in g), so every
/// group that voted contributes a total weight of 1 to each d[x, y] comparison.</para>
/// </summary>
public static class SchulzeTally
{
    /// <summary>Plain Schulze: one ballot, weight 1.</summary>
    /// <exception cref="ArgumentException">A ballot is for a different number of options.</exception>
    public static SchulzeResult Tally(BallotBox<RankedBallot> box, int optionCount) => Run(box, optionCount, balanced: false);

    /// <summary>Balanced Schulze: every group that voted carries total weight 1.</summary>
    /// <exception cref="ArgumentException">A ballot is for a different number of options.</exception>
    public static SchulzeResult TallyBalanced(BallotBox<RankedBallot> box, int optionCount) => Run(box, optionCount, balanced: true);

    /// <summary>
    /// Path strengths p from pairwise preferences d (n×n; the diagonal is ignored): the Schulze
    /// widest-path computation, exposed for tests and the documentation.
    /// </summary>
    public static SquareTable StrongestPaths(SquareTable pairwise)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        return new SquareTable(Paths(pairwise));
    }

    private static SchulzeResult Run(BallotBox<RankedBallot> box, int optionCount, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(box);
        BallotLimits.CheckOptionCount(optionCount);
        foreach (var ballot in box.Ballots)
        {
            if (ballot.Ballot.OptionCount != optionCount)
            {
                throw new ArgumentException(
                    $"Voter {ballot.Voter.MemberId.ToShortString()} ranked {ballot.Ballot.OptionCount} options, the question has {optionCount}.", nameof(box));
            }
        }

        RankedCounts Count(int electors, ImmutableArray<CountedBallot<RankedBallot>> ballots)
        {
            var d = Pairwise(ballots, optionCount);
            var table = new SquareTable(d);
            var winner = ballots.Length == 0 ? (int?)null : Order(Paths(table), optionCount).Ranking[0];
            return new RankedCounts(electors, ballots.Length, balanced ? (ballots.Length == 0 ? Rational.Zero : Rational.One) : ballots.Length, table, winner);
        }

        var byGroup = Breakdown.ByGroup(box, Count);
        var byRegion = Breakdown.ByRegion(box, Count);

        Rational[,] total;
        if (balanced)
        {
            // Σ over groups of dᵍ / nᵍ: the groups' own integer tables, each scaled to weight 1.
            total = new Rational[optionCount, optionCount];
            foreach (var (_, group) in byGroup)
            {
                if (group.Voters == 0)
                {
                    continue;
                }

                for (var x = 0; x < optionCount; x++)
                {
                    for (var y = 0; y < optionCount; y++)
                    {
                        if (x != y)
                        {
                            total[x, y] += group.Pairwise[x, y] / group.Voters;
                        }
                    }
                }
            }
        }
        else
        {
            total = Pairwise(box.Ballots, optionCount);
        }

        var pairwise = new SquareTable(total);
        var strongest = Paths(pairwise);
        var (ranking, potential) = Order(strongest, optionCount);
        return new SchulzeResult(
            balanced,
            optionCount,
            pairwise,
            new SquareTable(strongest),
            ranking,
            box.Count == 0 ? null : ranking[0],
            potential,
            box.Count,
            byGroup,
            byRegion,
            box.Superseded,
            box.Ignored);
    }

    private static Rational[,] Pairwise(ImmutableArray<CountedBallot<RankedBallot>> ballots, int n)
    {
        var counts = new long[n, n];
        foreach (var ballot in ballots)
        {
            for (var x = 0; x < n; x++)
            {
                for (var y = 0; y < n; y++)
                {
                    if (x != y && ballot.Ballot.Prefers(x, y))
                    {
                        counts[x, y]++;
                    }
                }
            }
        }

        var d = new Rational[n, n];
        for (var x = 0; x < n; x++)
        {
            for (var y = 0; y < n; y++)
            {
                d[x, y] = counts[x, y];
            }
        }

        return d;
    }

    private static Rational[,] Paths(SquareTable d)
    {
        var n = d.Size;
        var p = new Rational[n, n];
        for (var x = 0; x < n; x++)
        {
            for (var y = 0; y < n; y++)
            {
                if (x != y && d[x, y] > d[y, x])
                {
                    p[x, y] = d[x, y];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                for (var k = 0; k < n; k++)
                {
                    if (k != i && k != j)
                    {
                        p[j, k] = Rational.Max(p[j, k], Rational.Min(p[j, i], p[i, k]));
                    }
                }
            }
        }

        return p;
    }

    private static (ImmutableArray<int> Ranking, ImmutableArray<int> PotentialWinners) Order(Rational[,] p, int n)
    {
        static bool Beats(Rational[,] p, int x, int y) => p[x, y] > p[y, x];

        var potential = ImmutableArray.CreateBuilder<int>();
        for (var x = 0; x < n; x++)
        {
            var beaten = false;
            for (var y = 0; y < n && !beaten; y++)
            {
                beaten = y != x && Beats(p, y, x);
            }

            if (!beaten)
            {
                potential.Add(x);
            }
        }

        var placed = new bool[n];
        var ranking = ImmutableArray.CreateBuilder<int>(n);
        while (ranking.Count < n)
        {
            var next = -1;
            for (var x = 0; x < n && next < 0; x++)
            {
                if (placed[x])
                {
                    continue;
                }

                var beaten = false;
                for (var y = 0; y < n && !beaten; y++)
                {
                    beaten = y != x && !placed[y] && Beats(p, y, x);
                }

                if (!beaten)
                {
                    next = x;
                }
            }

            if (next < 0)
            {
                // Unreachable: the beat relation of strongest paths is a strict partial order.
                throw new InvalidOperationException("Schulze beat relation has a cycle.");
            }

            placed[next] = true;
            ranking.Add(next);
        }

        return (ranking.MoveToImmutable(), potential.ToImmutable());
    }
}
