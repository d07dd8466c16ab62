using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Governance.Proposals;

namespace Roundtable.Application.Tests.Power;

public sealed class PowerReportFromProposalsTests
{
    [Fact]
    public void The_report_counts_the_proposals_and_ballots_recorded_by_governance()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(ProposalChain.Recommendation());
        var electors = (ulong)p.App.ListParticipation(10).Single().ElectorsByGroup.Values.Sum();
        p.Vote(ProposalChain.OnePerGroup[0], id, ConsensusStatement.Supports());
        p.Vote(ProposalChain.OnePerGroup[1], id, ConsensusStatement.Supports());

        var report = p.App.ReportPower().Participation;

        Assert.Equal(1UL, report.Proposals);
        var turnout = Assert.Single(report.Turnout);
        Assert.Equal(id, turnout.Id);
        Assert.Equal("civil-society", turnout.AuthorGroup);
        Assert.Equal(2UL, turnout.Total.Voters);
        Assert.True(electors > 2);
        Assert.Equal(electors, turnout.Total.Electors);
    }
}
