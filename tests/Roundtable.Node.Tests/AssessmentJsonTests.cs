using System.Text.Json.Nodes;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Api;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>The JSON of assessment proposals and of their count: every figure of the majority judgment, exact.</summary>
public sealed class AssessmentJsonTests
{
    private static readonly Hash256 Subject = Hash256.Compute("land registry"u8);
    private static readonly Hash256 CriteriaList = Hash256.Compute("principles"u8);
    private static readonly string[] Criteria = ["Transparency", "Data protection"];
    private static readonly string[] Grades = ["poor", "fair", "good", "very good", "excellent"];

    public static TheoryData<TxMessage> Messages =>
    [
        GovernanceMessages.Assess("Assess the land registry", "# Assessment", Subject, CriteriaList, Criteria, Grades),
        GovernanceMessages.Assess("Assess it in secret", "# Assessment", Subject, CriteriaList, Criteria, ["low", "middle", "high"], secret: true),
        GovernanceMessages.Vote(Hash256.Compute("proposal"u8), Hash256.Compute("document"u8), GradeBallot.Of(4, 0)),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_JSON_form_of_an_assessment_or_a_grade_ballot_reads_back_as_the_same_message(TxMessage message) =>
        MessageJsonRoundTrip.AssertReadsBack(message);

    [Fact]
    public void The_proposal_view_gives_each_criterion_its_majority_grade_overall_balanced_and_per_group_with_exact_gauges()
    {
        var view = ResultOf(VotingMethod.Balanced);
        var transparency = view["criteria"]![0]!;

        Assert.Equal(("balanced", 11, 5), ((string?)view["counts"], (int?)view["voters"], (int?)view["groupsCounted"]));
        Assert.Equal("Transparency", (string?)transparency["name"]);
        Assert.Equal(new int?[] { 1, 2, 1, 0, 7 }, transparency["counts"]!.AsArray().Select(n => (int?)n));
        Assert.Equal(("excellent", "0/1", "4/11"), Grade(transparency["overall"]));
        Assert.Equal(("fair", "2/5", "1/5"), Grade(transparency["balanced"]));
        Assert.Equal(("fair", "2/5", "1/5"), Grade(transparency["majorityGrade"]));
        Assert.Equal("excellent", (string?)transparency["byGroup"]!["private-sector"]!["name"]);
        Assert.Equal("0.4000", (string?)transparency["balanced"]!["above"]!["decimal"]);
    }

    [Fact]
    public void Under_a_majority_rule_the_view_says_the_overall_grade_counts()
    {
        var view = ResultOf(VotingMethod.Majority);

        Assert.Equal("overall", (string?)view["counts"]);
        Assert.Equal("excellent", (string?)view["criteria"]![0]!["majorityGrade"]!["name"]);
    }

    [Fact]
    public void The_assessment_refusals_have_names_in_the_API()
    {
        Assert.Equal(
            ["criteria-list-unknown", "criteria-list-not-adopted", "assessment-subject-unknown", "grades-do-not-fit"],
            new[] { TxCode.CriteriaListUnknown, TxCode.CriteriaListNotAdopted, TxCode.AssessmentSubjectUnknown, TxCode.GradesDoNotFit }.Select(ApiViews.TxCodeName));
    }

    private static (string?, string?, string?) Grade(JsonNode? grade) =>
        ((string?)grade!["name"], (string?)grade["above"]!["exact"], (string?)grade["below"]!["exact"]);

    /// <summary>Example 5 of docs/assessments.md: seven private-sector ballots say excellent, one from each other group poor, fair, fair, good.</summary>
    private static JsonObject ResultOf(VotingMethod method)
    {
        var voters = Enumerable.Range(0, 7).Select(i => new Voter(Hash256.Compute([(byte)i]), "private-sector", "europe"))
            .Concat(new[] { "civil-society", "government", "intergovernmental", "technical" }.Select(g => new Voter(Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(g)), g, "africa")))
            .ToList();
        int[] first = [4, 4, 4, 4, 4, 4, 4, 0, 1, 1, 2];
        var box = BallotBox.FromLog(new Electorate(voters), voters.Select((v, i) => new CastBallot<GradeBallot>(v.MemberId, GradeBallot.Of(first[i], 3))));
        var rule = GovernanceParameters.Default.RuleOf(ProposalKind.Assessment) with { Method = method };
        var proposal = new ProposalRecord(
            Hash256.Compute("proposal"u8), voters[0].MemberId, "Assess", ProposalDocument.Inline("# Assessment"), new Assessment(Subject, CriteriaList, Criteria, Grades),
            voters[0].MemberId, false, rule, ProposalStatus.Voting, 0, 0, 0, [], 0, 0, 0, string.Empty, default, string.Empty, 0);

        return AssessmentViews.Result(proposal, MajorityJudgmentTally.Tally(box, Criteria.Length, Grades.Length));
    }
}
