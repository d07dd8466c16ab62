using System.Text;
using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

/// <summary>Seeded random electorates and ballots; every property holds for every method.</summary>
public sealed class TallyPropertyTests
{
    private static readonly string[] Groups = ["academia", "civil-society", "government", "private-sector", "technical-community"];
    private static readonly string[] Regions = ["african", "asia-pacific", "eeg", "grulac", "weog"];
    private const int Options = 4;

    public static TheoryData<int> Seeds => [1, 7, 42, 2024, 65537];

    private static Electorate RandomElectorate(Random random, int size, string prefix = "m") =>
        new(Enumerable.Range(0, size).Select(i => VoterOf(prefix + i, Groups[random.Next(Groups.Length)], Regions[random.Next(Regions.Length)])));

    private static YesNoBallot RandomYesNo(Random random) => new((VoteChoice)random.Next(1, 4));

    private static ApprovalBallot RandomApproval(Random random) =>
        ApprovalBallot.Of(Enumerable.Range(0, Options).Where(_ => random.Next(2) == 0).ToArray());

    private static RankedBallot RandomRanked(Random random) =>
        RankedBallot.FromRanks(Enumerable.Range(0, Options).Select(_ => random.Next(0, Options + 1)).ToArray());

    private static ConsensusStatement RandomStatement(Random random) => random.Next(3) switch
    {
        0 => ConsensusStatement.Supports(),
        1 => ConsensusStatement.StandsAside(),
        _ => ConsensusStatement.Objects("objection " + random.Next(3)),
    };

    /// <summary>Every elector votes with probability 3/4, once.</summary>
    private static List<CastBallot<T>> OneBallotEach<T>(Electorate electorate, Random random, Func<Random, T> ballot) =>
        electorate.Voters.Where(_ => random.Next(4) != 0).Select(v => new CastBallot<T>(v.MemberId, ballot(random))).ToList();

    // ---- Fingerprints: every field of a result, in a fixed order, as text. ----

    private static string Describe(YesNoCounts c) => $"{c.Electors}/{c.Yes}/{c.No}/{c.Abstain}";

    private static string Describe<T>(IEnumerable<KeyValuePair<string, T>> entries, Func<T, string> describe) =>
        string.Join(";", entries.Select(e => e.Key + "=" + describe(e.Value)));

    private static string Describe(MajorityResult r) =>
        $"{r.Passed} {r.QuorumMet} {r.ThresholdMet} {Describe(r.Total)} {Describe(r.ByGroup, Describe)} {Describe(r.ByRegion, Describe)}";

    private static string Describe(BalancedResult r) =>
        $"{r.Passed} {r.BalancedSupport} {r.GroupsCounted} {r.GroupsWithMajority} {Describe(r.Total)} " +
        Describe(r.ByGroup, g => $"{Describe(g.Counts)},{g.Counted},{g.Weight},{g.VoterWeight},{g.HasOwnMajority}") + " " +
        Describe(r.ByRegion, Describe);

    private static string Describe(ApprovalResult r) =>
        $"{r.Winner} [{string.Join(",", r.TiedForFirst)}] [{string.Join(",", r.Scores)}] " +
        Describe(r.ByGroup, Describe) + " " + Describe(r.ByRegion, Describe);

    private static string Describe(ApprovalCounts c) =>
        $"{c.Electors},{c.Voters},{c.Weight},[{string.Join(",", c.Approvals)}],[{string.Join(",", c.Scores)}],{c.Winner}";

    private static string Describe(SchulzeResult r) =>
        $"{r.Winner} [{string.Join(",", r.Ranking)}] {r.Pairwise} {r.Strongest} " +
        Describe(r.ByGroup, c => $"{c.Electors},{c.Voters},{c.Weight},{c.Winner},{c.Pairwise}") + " " +
        Describe(r.ByRegion, c => $"{c.Electors},{c.Voters},{c.Weight},{c.Winner},{c.Pairwise}");

    private static string Describe(ConsensusResult r) =>
        $"{r.Outcome} {r.Admissible} [{string.Join(",", r.Defects)}] {r.Total} {Describe(r.ByGroup, c => c.ToString())} {Describe(r.ByRegion, c => c.ToString())} " +
        string.Join(";", r.Objections.Select(o => $"{o.Objector.MemberId}:{o.Status}:{o.Reason}"));

    /// <summary>All methods on one log, as one string.</summary>
    private static string TallyAll(Electorate electorate, List<CastBallot<YesNoBallot>> yesNo, List<CastBallot<ApprovalBallot>> approval,
        List<CastBallot<RankedBallot>> ranked, List<CastBallot<ConsensusStatement>> statements)
    {
        var text = new StringBuilder();
        var yn = BallotBox.FromLog(electorate, yesNo);
        text.AppendLine(Describe(MajorityTally.Tally(yn, new MajorityRules(Rational.Of(1, 3), Threshold.SimpleMajority))));
        text.AppendLine(Describe(BalancedTally.Tally(yn, new BalancedRules(Threshold.AtLeast(Rational.Half), 2, Rational.Of(1, 4)))));
        var ap = BallotBox.FromLog(electorate, approval);
        text.AppendLine(Describe(ApprovalTally.Tally(ap, Options)));
        text.AppendLine(Describe(ApprovalTally.TallyBalanced(ap, Options)));
        var rk = BallotBox.FromLog(electorate, ranked);
        text.AppendLine(Describe(SchulzeTally.Tally(rk, Options)));
        text.AppendLine(Describe(SchulzeTally.TallyBalanced(rk, Options)));
        var st = BallotBox.FromLog(electorate, statements);
        var rulings = st.Ballots.Where(b => b.Ballot.Position == ConsensusPosition.Object && b.Ballot.Reason != "objection 0")
            .Select(b => new ChairRuling(b.Voter.MemberId, b.Ballot.ObjectionDigest, ObjectionRuling.Addressed, "answered"));
        text.AppendLine(Describe(RoughConsensus.Evaluate(st, rulings, new ChairDecision(ChairCall.Consensus, "call"))));
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Results_do_not_depend_on_the_order_of_the_ballots(int seed)
    {
        var random = new Random(seed);
        var electorate = RandomElectorate(random, 60);
        var yesNo = OneBallotEach(electorate, random, RandomYesNo);
        var approval = OneBallotEach(electorate, random, RandomApproval);
        var ranked = OneBallotEach(electorate, random, RandomRanked);
        var statements = OneBallotEach(electorate, random, RandomStatement);

        var expected = TallyAll(electorate, yesNo, approval, ranked, statements);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected, TallyAll(
                new Electorate(Shuffled(electorate.Voters, random)),
                Shuffled(yesNo, random), Shuffled(approval, random), Shuffled(ranked, random), Shuffled(statements, random)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_re_vote_replaces_the_earlier_ballot(int seed)
    {
        var random = new Random(seed);
        var electorate = RandomElectorate(random, 40);
        var finalYesNo = OneBallotEach(electorate, random, RandomYesNo);
        var finalApproval = OneBallotEach(electorate, random, RandomApproval);
        var finalRanked = OneBallotEach(electorate, random, RandomRanked);
        var finalStatements = OneBallotEach(electorate, random, RandomStatement);

        // Earlier ballots of some of the same voters, cast before their final ones.
        List<CastBallot<T>> WithEarlier<T>(List<CastBallot<T>> final, Func<Random, T> ballot) =>
            [.. final.Where(_ => random.Next(2) == 0).Select(b => new CastBallot<T>(b.Voter, ballot(random))), .. final];

        var yesNo = WithEarlier(finalYesNo, RandomYesNo);
        Assert.Equal(
            TallyAll(electorate, finalYesNo, finalApproval, finalRanked, finalStatements),
            TallyAll(electorate, yesNo, WithEarlier(finalApproval, RandomApproval), WithEarlier(finalRanked, RandomRanked), WithEarlier(finalStatements, RandomStatement)));
        Assert.Equal(yesNo.Count - finalYesNo.Count, BallotBox.FromLog(electorate, yesNo).Superseded);
    }

    [Fact]
    public void Re_voting_changes_the_count_to_the_last_ballot()
    {
        var electorate = Electors(InGroup("government", 3));
        var log = new[]
        {
            Cast("government-0", YesNoBallot.Yes),
            Cast("government-1", YesNoBallot.Yes),
            Cast("government-0", YesNoBallot.No),
            Cast("government-0", YesNoBallot.Abstain),
            Cast("government-2", YesNoBallot.No),
        };
        var result = MajorityTally.Tally(BallotBox.FromLog(electorate, log), new MajorityRules(0, Threshold.SimpleMajority));
        Assert.Equal(new YesNoCounts(3, 1, 1, 1), result.Total);
        Assert.Equal(2, result.Superseded);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_non_elector_ballot_is_ignored(int seed)
    {
        var random = new Random(seed);
        var electorate = RandomElectorate(random, 40);
        var yesNo = OneBallotEach(electorate, random, RandomYesNo);
        var approval = OneBallotEach(electorate, random, RandomApproval);
        var ranked = OneBallotEach(electorate, random, RandomRanked);
        var statements = OneBallotEach(electorate, random, RandomStatement);
        var expected = TallyAll(electorate, yesNo, approval, ranked, statements);

        // Members verified after voting opened: they exist, but the electorate was fixed at opening.
        var latecomers = RandomElectorate(random, 15, "late");
        List<CastBallot<T>> Interleave<T>(List<CastBallot<T>> ballots, Func<Random, T> ballot)
        {
            var extra = latecomers.Voters.Select(v => new CastBallot<T>(v.MemberId, ballot(random)));
            return Shuffled(ballots.Concat(extra), random);
        }

        var withLate = Interleave(yesNo, RandomYesNo);
        Assert.Equal(expected, TallyAll(electorate, withLate, Interleave(approval, RandomApproval), Interleave(ranked, RandomRanked), Interleave(statements, RandomStatement)));
        Assert.Equal(15, BallotBox.FromLog(electorate, withLate).Ignored);
        Assert.Equal(15, MajorityTally.Tally(BallotBox.FromLog(electorate, withLate), new MajorityRules(0, Threshold.SimpleMajority)).Ignored);
    }

    [Fact]
    public void A_member_verified_after_voting_opened_cannot_swing_the_vote()
    {
        var atOpening = Electors(InGroup("government", 3), InGroup("civil-society", 3));
        var log = Votes("government", 0, YesNoBallot.Yes, YesNoBallot.No, YesNoBallot.No)
            .Concat(Votes("civil-society", 0, YesNoBallot.Yes, YesNoBallot.Yes, YesNoBallot.No))
            .Concat(Votes("government", 3, YesNoBallot.Yes, YesNoBallot.Yes)) // verified after opening
            .ToList();
        var rules = new MajorityRules(0, Threshold.SimpleMajority);

        var counted = MajorityTally.Tally(BallotBox.FromLog(atOpening, log), rules);
        Assert.False(counted.Passed);
        Assert.Equal(new YesNoCounts(6, 3, 3, 0), counted.Total);
        Assert.Equal(2, counted.Ignored);

        // Had the electorate been taken later, the same ballots would have passed it.
        var later = Electors(InGroup("government", 5), InGroup("civil-society", 3));
        Assert.True(MajorityTally.Tally(BallotBox.FromLog(later, log), rules).Passed);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Adding_members_and_their_votes_to_one_group_never_changes_another_groups_weight(int seed)
    {
        var random = new Random(seed);
        var electorate = RandomElectorate(random, 50);
        var grown = Groups[random.Next(Groups.Length)];

        // Make sure the grown group already takes a side (otherwise it would enter the average).
        var seedVoter = VoterOf("seed-voter", grown, "weog");
        var yesNo = OneBallotEach(electorate, random, RandomYesNo);
        yesNo.Add(new CastBallot<YesNoBallot>(seedVoter.MemberId, YesNoBallot.No));
        var approval = OneBallotEach(electorate, random, RandomApproval);
        approval.Add(new CastBallot<ApprovalBallot>(seedVoter.MemberId, ApprovalBallot.Of(0)));
        var ranked = OneBallotEach(electorate, random, RandomRanked);
        ranked.Add(new CastBallot<RankedBallot>(seedVoter.MemberId, RankedBallot.FromOrder(Options, 0)));
        var before = new Electorate([.. electorate.Voters, seedVoter]);

        var added = random.Next(1, 200);
        var newcomers = Enumerable.Range(0, added).Select(i => VoterOf("new" + i, grown, Regions[random.Next(Regions.Length)])).ToList();
        var after = new Electorate([.. before.Voters, .. newcomers]);
        var yesNoAfter = yesNo.Concat(newcomers.Select(v => new CastBallot<YesNoBallot>(v.MemberId, random.Next(2) == 0 ? YesNoBallot.Yes : YesNoBallot.No))).ToList();
        var approvalAfter = approval.Concat(newcomers.Select(v => new CastBallot<ApprovalBallot>(v.MemberId, RandomApproval(random)))).ToList();
        var rankedAfter = ranked.Concat(newcomers.Select(v => new CastBallot<RankedBallot>(v.MemberId, RandomRanked(random)))).ToList();

        foreach (var quorum in new Rational?[] { null, Rational.Of(1, 2) })
        {
            var rules = new BalancedRules(Threshold.AtLeast(Rational.Half), 1, quorum);
            var b0 = BalancedTally.Tally(BallotBox.FromLog(before, yesNo), rules);
            var b1 = BalancedTally.Tally(BallotBox.FromLog(after, yesNoAfter), rules);
            Assert.True(b1.ByGroup[grown].Counted);
            if (!b0.ByGroup[grown].Counted)
            {
                // Below the group quorum before: the group enters the average, k grows by one. That
                // is a group joining, not a group growing; without a quorum it cannot happen here.
                Assert.NotNull(quorum);
                Assert.Equal(b0.GroupsCounted + 1, b1.GroupsCounted);
                continue;
            }

            Assert.Equal(b0.GroupsCounted, b1.GroupsCounted);
            foreach (var (group, g0) in b0.ByGroup)
            {
                if (group == grown)
                {
                    continue;
                }

                var g1 = b1.ByGroup[group];
                Assert.Equal(g0.Weight, g1.Weight);
                Assert.Equal(g0.VoterWeight, g1.VoterWeight);
                Assert.Equal(g0.Support, g1.Support);
                Assert.Equal(g0.Counted, g1.Counted);
            }

            Assert.Equal(b0.ByGroup[grown].Weight, b1.ByGroup[grown].Weight);
        }

        var a0 = ApprovalTally.TallyBalanced(BallotBox.FromLog(before, approval), Options);
        var a1 = ApprovalTally.TallyBalanced(BallotBox.FromLog(after, approvalAfter), Options);
        var s0 = SchulzeTally.TallyBalanced(BallotBox.FromLog(before, ranked), Options);
        var s1 = SchulzeTally.TallyBalanced(BallotBox.FromLog(after, rankedAfter), Options);
        Assert.Equal(Rational.One, a1.ByGroup[grown].Weight);
        Assert.Equal(Rational.One, s1.ByGroup[grown].Weight);
        foreach (var group in Groups.Where(g => g != grown && a0.ByGroup.ContainsKey(g)))
        {
            Assert.Equal(a0.ByGroup[group].Weight, a1.ByGroup[group].Weight);
            Assert.Equal(a0.ByGroup[group].Scores.ToArray(), a1.ByGroup[group].Scores.ToArray());
            Assert.Equal(s0.ByGroup[group].Weight, s1.ByGroup[group].Weight);
            Assert.Equal(s0.ByGroup[group].Pairwise.ToString(), s1.ByGroup[group].Pairwise.ToString());
        }

        // The grown group's total contribution to the balanced tables stays 1 per comparison.
        for (var x = 0; x < Options; x++)
        {
            for (var y = 0; y < Options; y++)
            {
                if (x == y)
                {
                    continue;
                }

                var groupsThatVoted = s1.ByGroup.Values.Count(g => g.Voters > 0);
                Assert.True(s1.Pairwise[x, y] + s1.Pairwise[y, x] <= groupsThatVoted);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Balanced_support_is_the_mean_of_counted_group_supports_and_lies_between_them(int seed)
    {
        var random = new Random(seed);
        var electorate = RandomElectorate(random, 80);
        var result = BalancedTally.Tally(BallotBox.FromLog(electorate, OneBallotEach(electorate, random, RandomYesNo)), new BalancedRules(Threshold.AtLeast(Rational.Half), 0));
        var supports = result.ByGroup.Values.Where(g => g.Counted).Select(g => g.Support!.Value).ToList();
        var sum = Rational.Zero;
        foreach (var s in supports)
        {
            sum += s;
        }

        Assert.Equal(sum / supports.Count, result.BalancedSupport);
        Assert.True(result.BalancedSupport >= supports.Min() && result.BalancedSupport <= supports.Max());
        var totalWeight = Rational.Zero;
        foreach (var (_, g) in result.ByGroup)
        {
            totalWeight += g.VoterWeight * g.Counts.Decisive;
        }

        Assert.Equal(Rational.One, totalWeight);
    }
}
