using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class ElectorateTests
{
    [Fact]
    public void Electorate_is_sorted_by_member_id_and_counts_groups_and_regions()
    {
        var electorate = Electors(InGroup("government", 3, "weog"), InGroup("academia", 2, "african"), InGroup("civil-society", 1, "weog"));
        Assert.Equal(6, electorate.Count);
        Assert.Equal(electorate.Voters.Select(v => v.MemberId).Order(), electorate.Voters.Select(v => v.MemberId));
        Assert.Equal(new[] { "academia", "civil-society", "government" }, electorate.GroupSizes.Keys);
        Assert.Equal(3, electorate.GroupSizes["government"]);
        Assert.Equal(4, electorate.RegionSizes["weog"]);
        Assert.True(electorate.TryGet(Id("academia-1"), out var voter));
        Assert.Equal("african", voter.Region);
        Assert.False(electorate.Contains(Id("academia-2")));
    }

    [Fact]
    public void Duplicates_and_malformed_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Electors(InGroup("government", 2), InGroup("government", 1)));
        Assert.Throws<ArgumentException>(() => VoterOf("x", "Government", "weog"));
        Assert.Throws<ArgumentException>(() => VoterOf("x", "government", ""));
    }

    [Fact]
    public void Breakdowns_list_every_group_with_electors_even_without_ballots()
    {
        var electorate = Electors(InGroup("government", 2, "weog"), InGroup("academia", 2, "eeg"));
        var box = BallotBox.FromLog(electorate, Votes("government", 0, YesNoBallot.Yes));
        var result = MajorityTally.Tally(box, new MajorityRules(0, Threshold.SimpleMajority));
        Assert.Equal(new YesNoCounts(2, 0, 0, 0), result.ByGroup["academia"]);
        Assert.Equal(new YesNoCounts(2, 0, 0, 0), result.ByRegion["eeg"]);
        Assert.Equal(2, result.ByGroup["academia"].DidNotVote);
    }
}
