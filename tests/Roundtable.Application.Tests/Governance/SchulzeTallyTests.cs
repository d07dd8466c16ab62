using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class SchulzeTallyTests
{
    /// <summary>"ACBED" → a strict order over A–E (options 0–4).</summary>
    private static RankedBallot Order(string letters) =>
        RankedBallot.FromOrder(letters.Length, letters.Select(c => c - 'A').ToArray());

    /// <summary>
    /// The 45-voter example of the Wikipedia article "Schulze method" (5 candidates A–E; E wins),
    /// ballots spread over four stakeholder groups and two regions for the breakdowns.
    /// </summary>
    private static BallotBox<RankedBallot> WikipediaExample()
    {
        (int Count, string Order)[] groups =
        [
            (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
            (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
        ];
        string[] stakeholders = ["government", "civil-society", "private-sector", "technical-community"];
        var voters = new List<Voter>();
        var log = new List<CastBallot<RankedBallot>>();
        var n = 0;
        foreach (var (count, order) in groups)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var name = "wiki-" + n;
                voters.Add(VoterOf(name, stakeholders[n % 4], n % 2 == 0 ? "weog" : "grulac"));
                log.Add(Cast(name, Order(order)));
            }
        }

        return BallotBox.FromLog(new Electorate(voters), log);
    }

    private static readonly int[,] WikipediaD =
    {
        { 0, 20, 26, 30, 22 },
        { 25, 0, 16, 33, 18 },
        { 19, 29, 0, 17, 24 },
        { 15, 12, 28, 0, 14 },
        { 23, 27, 21, 31, 0 },
    };

    private static readonly int[,] WikipediaP =
    {
        { 0, 28, 28, 30, 24 },
        { 25, 0, 28, 33, 24 },
        { 25, 29, 0, 29, 24 },
        { 25, 28, 28, 0, 24 },
        { 25, 28, 28, 31, 0 },
    };

    private static void AssertTable(int[,] expected, SquareTable actual)
    {
        Assert.Equal(expected.GetLength(0), actual.Size);
        for (var i = 0; i < actual.Size; i++)
        {
            for (var j = 0; j < actual.Size; j++)
            {
                if (i != j)
                {
                    Assert.True(expected[i, j] == actual[i, j], $"[{(char)('A' + i)},{(char)('A' + j)}]: expected {expected[i, j]}, got {actual[i, j]}");
                }
            }
        }
    }

    [Fact]
    public void Wikipedia_example_reproduces_d_p_and_the_winner_E()
    {
        var box = WikipediaExample();
        Assert.Equal(45, box.Count);

        var result = SchulzeTally.Tally(box, 5);

        AssertTable(WikipediaD, result.Pairwise);
        AssertTable(WikipediaP, result.Strongest);
        Assert.Equal(4, result.Winner); // E
        Assert.Equal(new[] { 4 }, result.PotentialWinners);
        Assert.Equal("EACBD", new string(result.Ranking.Select(i => (char)('A' + i)).ToArray()));
        Assert.Equal(45, result.Voters);
        Assert.Equal(45, result.ByGroup.Values.Sum(g => g.Voters));
        Assert.Equal(23, result.ByRegion["weog"].Voters);
        AssertTable(WikipediaP, SchulzeTally.StrongestPaths(result.Pairwise));
        Assert.Equal(
            "- 20 26 30 22\n25 - 16 33 18\n19 29 - 17 24\n15 12 28 - 14\n23 27 21 31 -\n",
            result.Pairwise.ToString());
    }

    [Fact]
    public void Group_breakdown_tables_add_up_to_the_total()
    {
        var result = SchulzeTally.Tally(WikipediaExample(), 5);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var sum = Rational.Zero;
                foreach (var (_, g) in result.ByGroup)
                {
                    sum += g.Pairwise[i, j];
                }

                Assert.Equal(result.Pairwise[i, j], sum);
            }
        }
    }

    /// <summary>docs/governance.md §7 worked example: the large group's favourite wins plainly, not balanced.</summary>
    [Fact]
    public void Balanced_schulze_worked_example()
    {
        var electorate = Electors(
            InGroup("private-sector", 10, "weog"),
            InGroup("civil-society", 3, "african"),
            InGroup("government", 2, "asia-pacific"),
            InGroup("technical-community", 3, "grulac"));
        RankedBallot O(params int[] order) => RankedBallot.FromOrder(3, order);
        var log = Votes("private-sector", 0, Repeat(O(0, 1, 2), 10).ToArray())
            .Concat(Votes("civil-society", 0, Repeat(O(2, 1, 0), 3).ToArray()))
            .Concat(Votes("government", 0, O(1, 2, 0), O(1, 2, 0)))
            .Concat(Votes("technical-community", 0, O(1, 0, 2), O(1, 0, 2), O(2, 1, 0)));
        var box = BallotBox.FromLog(electorate, log);

        var plain = SchulzeTally.Tally(box, 3);
        Assert.Equal(0, plain.Winner);
        Assert.Equal(R(10), plain.Pairwise[0, 1]);
        Assert.Equal(R(8), plain.Pairwise[1, 0]);
        Assert.Equal(R(12), plain.Pairwise[0, 2]);
        Assert.Equal(R(14), plain.Pairwise[1, 2]);
        Assert.Equal(R(6), plain.Pairwise[2, 0]);
        Assert.Equal(R(4), plain.Pairwise[2, 1]);
        Assert.Equal(new[] { 0, 1, 2 }, plain.Ranking);

        var balanced = SchulzeTally.TallyBalanced(box, 3);
        Assert.True(balanced.Balanced);
        Assert.Equal(R(1), balanced.Pairwise[0, 1]);
        Assert.Equal(R(3), balanced.Pairwise[1, 0]);
        Assert.Equal(R(5, 3), balanced.Pairwise[0, 2]);
        Assert.Equal(R(7, 3), balanced.Pairwise[2, 0]);
        Assert.Equal(R(8, 3), balanced.Pairwise[1, 2]);
        Assert.Equal(R(4, 3), balanced.Pairwise[2, 1]);
        Assert.Equal(R(3), balanced.Strongest[1, 0]);
        Assert.Equal(R(8, 3), balanced.Strongest[1, 2]);
        Assert.Equal(R(7, 3), balanced.Strongest[2, 0]);
        Assert.Equal(Rational.Zero, balanced.Strongest[0, 1]);
        Assert.Equal(1, balanced.Winner);
        Assert.Equal(new[] { 1, 2, 0 }, balanced.Ranking);
        Assert.Equal(0, balanced.ByGroup["private-sector"].Winner);
        Assert.Equal(2, balanced.ByGroup["civil-society"].Winner);
        Assert.Equal(1, balanced.ByGroup["technical-community"].Winner);
        Assert.All(balanced.ByGroup.Values, g => Assert.Equal(Rational.One, g.Weight));
        Assert.Equal("- 1 5/3\n3 - 8/3\n7/3 4/3 -\n", balanced.Pairwise.ToString());
        Assert.Equal("- 0 0\n3 - 8/3\n7/3 0 -\n", balanced.Strongest.ToString());
        Assert.Equal(1, balanced.ByGroup["government"].Winner);
    }

    [Fact]
    public void Ties_go_to_the_lowest_option_index()
    {
        var electorate = Electors(InGroup("government", 2));
        var box = BallotBox.FromLog(electorate, Votes("government", 0, RankedBallot.FromOrder(3, 2, 1, 0), RankedBallot.FromOrder(3, 1, 2, 0)));
        var result = SchulzeTally.Tally(box, 3);

        // 1 and 2 are tied (each 1 to 1); both beat 0.
        Assert.Equal(new[] { 1, 2 }, result.PotentialWinners);
        Assert.Equal(1, result.Winner);
        Assert.Equal(new[] { 1, 2, 0 }, result.Ranking);
    }

    [Fact]
    public void No_ballots_no_winner()
    {
        var result = SchulzeTally.Tally(BallotBox.Empty<RankedBallot>(Electors(InGroup("government", 2))), 3);
        Assert.Null(result.Winner);
        Assert.Equal(new[] { 0, 1, 2 }, result.Ranking);
    }

    [Fact]
    public void Truncated_and_tied_rankings_count_only_stated_preferences()
    {
        var ballot = RankedBallot.FromTiers(4, [2], [0, 3]);
        Assert.Equal(new[] { 2, 0, 1, 2 }, ballot.Ranks);
        Assert.True(ballot.Prefers(2, 0));
        Assert.True(ballot.Prefers(0, 1));
        Assert.False(ballot.Prefers(0, 3));
        Assert.False(ballot.Prefers(3, 0));
        Assert.False(ballot.Prefers(1, 1));
        Assert.Equal(ballot, RankedBallot.FromRanks(9, 0, 4, 9));
        Assert.Equal(new[] { 1, 2, 2, 0 }, RankedBallot.FromRanks(1, 3, 3, 0).Ranks);
        Assert.Throws<ArgumentException>(() => RankedBallot.FromOrder(3, 0, 0));
        Assert.Throws<ArgumentException>(() => RankedBallot.FromOrder(3, 3));

        var electorate = Electors(InGroup("government", 1));
        Assert.Throws<ArgumentException>(() => SchulzeTally.Tally(BallotBox.FromLog(electorate, Votes("government", 0, ballot)), 5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_Condorcet_winner_wins_when_there_is_one(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var options = random.Next(2, 7);
            var voters = random.Next(1, 30);
            var electorate = Electors(InGroup("government", voters));
            var log = Enumerable.Range(0, voters).Select(i =>
                Cast(Name("government", i), RankedBallot.FromRanks(Enumerable.Range(0, options).Select(_ => random.Next(0, options + 1)).ToArray())));
            var result = SchulzeTally.Tally(BallotBox.FromLog(electorate, log), options);
            for (var x = 0; x < options; x++)
            {
                var condorcet = Enumerable.Range(0, options).All(y => y == x || result.Pairwise[x, y] > result.Pairwise[y, x]);
                if (condorcet)
                {
                    Assert.Equal(x, result.Winner);
                    Assert.Equal(new[] { x }, result.PotentialWinners);
                }
            }

            // The ranking never puts an option after one it beats.
            for (var a = 0; a < options; a++)
            {
                for (var b = a + 1; b < options; b++)
                {
                    var x = result.Ranking[a];
                    var y = result.Ranking[b];
                    Assert.False(result.Strongest[y, x] > result.Strongest[x, y]);
                }
            }
        }
    }
}
