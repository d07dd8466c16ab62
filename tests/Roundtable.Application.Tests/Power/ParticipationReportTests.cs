using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Power;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Power;

/// <summary>Shares of proposals and votes by group and turnout per proposal, from what the proposals module reports.</summary>
public sealed class ParticipationReportTests
{
    private static readonly string[] Groups = ["civil-society", "government", "technical"];

    private static Hash256 Id(string name) => Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(name));

    [Fact]
    public void Worked_example_gives_exact_shares_and_turnout()
    {
        // A: by government; electors 4 civil society, 2 government, 4 technical; 3, 2 and 1 voted.
        // B: by civil society; electors 4, 2, 4; 1, 0 and 2 voted.
        var proposals = new[]
        {
            new ProposalParticipation(Id("a"), "government", [new("civil-society", 4), new("government", 2), new("technical", 4)], [new("civil-society", 3), new("government", 2), new("technical", 1)]),
            new ProposalParticipation(Id("b"), "civil-society", [new("civil-society", 4), new("government", 2), new("technical", 4)], [new("civil-society", 1), new("technical", 2)]),
        };

        var report = ParticipationReport.From(proposals, Groups);

        Assert.Equal(2UL, report.Proposals);
        Assert.Equal([Rational.Of(1, 2), Rational.Of(1, 2), Rational.Zero], report.ProposalsByGroup.Select(s => s.Fraction));
        // Votes: civil society 4, government 2, technical 3 of 9.
        Assert.Equal([4UL, 2UL, 3UL], report.VotesByGroup.Select(s => s.Amount));
        Assert.Equal([Rational.Of(4, 9), Rational.Of(2, 9), Rational.Of(1, 3)], report.VotesByGroup.Select(s => s.Fraction));
        Assert.Equal(["44.44", "22.22", "33.33"], report.VotesByGroup.Select(s => s.Percent));

        var a = report.Turnout[0];
        Assert.Equal((Id("a"), "government", 10UL, 6UL, Rational.Of(3, 5)), (a.Id, a.AuthorGroup, a.Total.Electors, a.Total.Voters, a.Total.Fraction));
        Assert.Equal([Rational.Of(3, 4), Rational.One, Rational.Of(1, 4)], a.ByGroup.Select(t => t.Fraction));
        var b = report.Turnout[1];
        Assert.Equal(Rational.Of(3, 10), b.Total.Fraction);
        Assert.Equal("30.00", b.Total.Percent);
        Assert.Equal([Rational.Of(1, 4), Rational.Zero, Rational.Of(1, 2)], b.ByGroup.Select(t => t.Fraction));
    }

    [Fact]
    public void No_proposals_gives_zero_shares_for_every_group()
    {
        var report = ParticipationReport.From([], Groups);
        Assert.Equal(0UL, report.Proposals);
        Assert.Equal(Groups, report.VotesByGroup.Select(s => s.Name));
        Assert.All(report.ProposalsByGroup.Concat(report.VotesByGroup), s => Assert.Equal(Rational.Zero, s.Fraction));
        Assert.Empty(report.Turnout);
    }

    [Fact]
    public void An_empty_electorate_has_zero_turnout()
    {
        var report = ParticipationReport.From([new ProposalParticipation(Id("empty"), "technical", [], [])], Groups);
        Assert.Equal(Rational.Zero, report.Turnout[0].Total.Fraction);
        Assert.Empty(report.Turnout[0].ByGroup);
    }

    [Fact]
    public void More_voters_than_electors_is_refused_with_the_group()
    {
        var bad = new ProposalParticipation(Id("x"), "technical", [new("technical", 1)], [new("technical", 2)]);
        var e = Assert.Throws<ArgumentException>(() => ParticipationReport.From([bad], Groups));
        Assert.Contains("'technical'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Voters_from_a_group_outside_the_electorate_are_refused()
    {
        var bad = new ProposalParticipation(Id("x"), "technical", [new("technical", 1)], [new("government", 1)]);
        Assert.Throws<ArgumentException>(() => ParticipationReport.From([bad], Groups));
    }

    [Fact]
    public void A_group_listed_twice_is_refused()
    {
        var bad = new ProposalParticipation(Id("x"), "technical", [new("technical", 1), new("technical", 2)], []);
        var e = Assert.Throws<ArgumentException>(() => ParticipationReport.From([bad], Groups));
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
    }
}
