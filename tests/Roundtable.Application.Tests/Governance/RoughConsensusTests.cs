using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class RoughConsensusTests
{
    private static readonly ChairDecision CallConsensus = new(ChairCall.Consensus, "Every objection was answered on the list and in the room.");
    private static readonly ChairDecision CallNoConsensus = new(ChairCall.NoConsensus, "The interoperability concern is still open.");

    private static ChairRuling Addressed(string objector, ConsensusStatement objection) =>
        new(Id(objector), objection.ObjectionDigest, ObjectionRuling.Addressed, "Section 3 now requires an open test suite.");

    private static ChairRuling NotAddressed(string objector, ConsensusStatement objection) =>
        new(Id(objector), objection.ObjectionDigest, ObjectionRuling.NotAddressed, "No change answers this yet.");

    [Fact]
    public void Overwhelming_support_with_unaddressed_objections_is_not_consensus()
    {
        var electorate = Electors(InGroup("private-sector", 100, "weog"), InGroup("civil-society", 5, "african"));
        var objection = ConsensusStatement.Objects("The recommendation ignores users without broadband.");
        var log = Votes("private-sector", 0, Repeat(ConsensusStatement.Supports(), 100).ToArray())
            .Concat(Votes("civil-society", 0, Repeat(objection, 5).ToArray()));
        var box = BallotBox.FromLog(electorate, log);

        // Two objections ruled not addressed, three not ruled on at all.
        var rulings = new[] { NotAddressed("civil-society-0", objection), NotAddressed("civil-society-1", objection) };
        var result = RoughConsensus.Evaluate(box, rulings, CallConsensus);

        Assert.False(result.Admissible);
        Assert.Equal(ConsensusOutcome.InadmissibleCall, result.Outcome);
        Assert.Equal(new[] { ConsensusDefect.UnaddressedObjection }, result.Defects);
        Assert.Equal(new PositionCounts(105, 100, 0, 5, 5), result.Total);
        Assert.Equal(new PositionCounts(5, 0, 0, 5, 5), result.ByGroup["civil-society"]);
        Assert.Equal(new PositionCounts(100, 100, 0, 0, 0), result.ByRegion["weog"]);
        Assert.Equal(5, result.Objections.Length);
        Assert.Equal(2, result.Objections.Count(o => o.Status == ObjectionStatus.NotAddressed));
        Assert.Equal(3, result.Objections.Count(o => o.Status == ObjectionStatus.NoRuling));

        // Even one open objection is enough to make the call inadmissible.
        var allButOne = Enumerable.Range(0, 4).Select(i => Addressed(Name("civil-society", i), objection));
        Assert.False(RoughConsensus.Evaluate(box, allButOne, CallConsensus).Admissible);
        var all = Enumerable.Range(0, 5).Select(i => Addressed(Name("civil-society", i), objection));
        Assert.Equal(ConsensusOutcome.Consensus, RoughConsensus.Evaluate(box, all, CallConsensus).Outcome);
    }

    /// <summary>docs/governance.md §5 worked example.</summary>
    [Fact]
    public void Few_supporters_many_stand_asides_and_every_objection_addressed_can_be_consensus()
    {
        var electorate = Electors(
            InGroup("technical-community", 6, "asia-pacific"),
            InGroup("government", 10, "weog"),
            InGroup("civil-society", 4, "african"));
        var interop = ConsensusStatement.Objects("Mandating one registry format breaks existing resolvers.");
        var privacy = ConsensusStatement.Objects("Registrant data would be published without consent.");
        var log = Votes("technical-community", 0,
                ConsensusStatement.Supports(), ConsensusStatement.Supports(), interop,
                ConsensusStatement.StandsAside(), ConsensusStatement.StandsAside())
            .Concat(Votes("government", 0, Repeat(ConsensusStatement.StandsAside("No national position yet."), 9).ToArray()))
            .Concat(Votes("civil-society", 0, ConsensusStatement.Supports(), privacy, ConsensusStatement.StandsAside()));
        var box = BallotBox.FromLog(electorate, log);
        var rulings = new[]
        {
            NotAddressed("technical-community-2", interop),
            Addressed("civil-society-1", privacy),
            Addressed("technical-community-2", interop), // the chair revisits: the last ruling counts
        };

        var result = RoughConsensus.Evaluate(box, rulings, CallConsensus);

        Assert.True(result.Admissible);
        Assert.Equal(ConsensusOutcome.Consensus, result.Outcome);
        Assert.Empty(result.Defects);
        Assert.Equal(new PositionCounts(20, 3, 12, 2, 0), result.Total);
        Assert.Equal(new PositionCounts(10, 0, 9, 0, 0), result.ByGroup["government"]);
        Assert.Equal(new PositionCounts(6, 2, 2, 1, 0), result.ByGroup["technical-community"]);
        Assert.Equal(new PositionCounts(4, 1, 1, 1, 0), result.ByRegion["african"]);
        Assert.All(result.Objections, o => Assert.Equal(ObjectionStatus.Addressed, o.Status));
        Assert.Equal(0, result.IgnoredRulings);

        // The same record with a "no consensus" call: always admissible.
        var no = RoughConsensus.Evaluate(box, rulings, CallNoConsensus);
        Assert.True(no.Admissible);
        Assert.Equal(ConsensusOutcome.NoConsensus, no.Outcome);
    }

    [Fact]
    public void A_ruling_binds_to_the_objection_text_and_lapses_when_it_is_restated()
    {
        var electorate = Electors(InGroup("government", 3));
        var first = ConsensusStatement.Objects("Too vague.");
        var restated = ConsensusStatement.Objects("Too vague: section 2 names no responsible body.");
        var log = Votes("government", 0, ConsensusStatement.Supports(), first).Append(Cast("government-1", restated));
        var box = BallotBox.FromLog(electorate, log);
        Assert.Equal(1, box.Superseded);

        var result = RoughConsensus.Evaluate(box, [Addressed("government-1", first)], CallConsensus);
        Assert.False(result.Admissible);
        Assert.Equal(1, result.IgnoredRulings);
        Assert.Equal(ObjectionStatus.NoRuling, Assert.Single(result.Objections).Status);
        Assert.Equal(restated.Reason, result.Objections[0].Reason);

        // A ruling naming someone who does not object is ignored too.
        Assert.Equal(1, RoughConsensus.Evaluate(box, [Addressed("government-0", first)], CallConsensus).IgnoredRulings);
        Assert.True(RoughConsensus.Evaluate(box, [Addressed("government-1", restated)], CallConsensus).Admissible);
    }

    [Fact]
    public void Withdrawing_an_objection_by_restating_support_removes_it()
    {
        var electorate = Electors(InGroup("government", 2));
        var log = new[]
        {
            Cast("government-0", ConsensusStatement.Supports()),
            Cast("government-1", ConsensusStatement.Objects("Not yet.")),
            Cast("government-1", ConsensusStatement.StandsAside("Concern answered in the call.")),
        };
        var result = RoughConsensus.Evaluate(BallotBox.FromLog(electorate, log), [], CallConsensus);
        Assert.True(result.Admissible);
        Assert.Empty(result.Objections);
    }

    [Fact]
    public void A_consensus_call_with_nobody_in_support_is_not_admissible()
    {
        var electorate = Electors(InGroup("government", 3));
        var box = BallotBox.FromLog(electorate, Votes("government", 0, Repeat(ConsensusStatement.StandsAside(), 3).ToArray()));
        var result = RoughConsensus.Evaluate(box, [], CallConsensus);
        Assert.Equal(new[] { ConsensusDefect.NoSupport }, result.Defects);
        Assert.Equal(ConsensusOutcome.InadmissibleCall, result.Outcome);
    }

    [Fact]
    public void Objections_need_a_reason_rulings_and_calls_need_a_rationale()
    {
        Assert.Throws<ArgumentException>(() => ConsensusStatement.Objects(""));
        Assert.Throws<ArgumentException>(() => ConsensusStatement.Objects("   "));
        Assert.Throws<ArgumentException>(() => new ConsensusStatement((ConsensusPosition)9));
        Assert.Throws<ArgumentException>(() => new ChairRuling(Id("x"), Id("y"), ObjectionRuling.Addressed, " "));
        _ = new ChairRuling(Id("x"), Id("y"), ObjectionRuling.NotAddressed, "");
        Assert.Throws<ArgumentException>(() => new ChairDecision(ChairCall.Consensus, ""));
        Assert.NotEqual(ConsensusStatement.Objects("a").ObjectionDigest, ConsensusStatement.Objects("b").ObjectionDigest);
        Assert.Equal(ConsensusStatement.Objects("a").ObjectionDigest, ConsensusStatement.Objects("a").ObjectionDigest);
    }

    [Theory]
    [InlineData(1_000_000UL, 1_000_000UL, 604_800_000UL, true)]    // at the call
    [InlineData(1_000_000UL, 605_799_999UL, 604_800_000UL, true)]  // last millisecond of the window
    [InlineData(1_000_000UL, 605_800_000UL, 604_800_000UL, false)] // window closed
    [InlineData(1_000_000UL, 999_999UL, 604_800_000UL, false)]     // before the call
    [InlineData(1_000_000UL, 1_000_000UL, 0UL, false)]             // no window
    [InlineData(ulong.MaxValue - 5, ulong.MaxValue, 100UL, true)]  // no overflow near the top
    [InlineData(0UL, ulong.MaxValue - 1, ulong.MaxValue, true)]
    public void Appeal_window_is_half_open(ulong callTimeMs, ulong nowMs, ulong windowMs, bool expected) =>
        Assert.Equal(expected, RoughConsensus.CanAppeal(callTimeMs, nowMs, windowMs));

    [Fact]
    public void Appeal_deadline_saturates()
    {
        Assert.Equal(605_800_000UL, RoughConsensus.AppealDeadlineMs(1_000_000, 604_800_000));
        Assert.Equal(ulong.MaxValue, RoughConsensus.AppealDeadlineMs(ulong.MaxValue - 5, 100));
    }
}
