using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Notary;
using static Roundtable.Application.Tests.Notary.Anchors;

namespace Roundtable.Application.Tests.Assessments;

/// <summary>Assessments driven through signed transactions: criteria adopted, subject anchored, proposal, grade ballots, count.</summary>
public sealed class AssessmentChainTests
{
    private const string Initiative = "# Land registry on a ledger\n\nThe ministry records land titles on a permissioned chain.";
    private static readonly string[] Criteria = ["Transparency", "Data protection"];
    private static readonly string[] Scale = ["poor", "fair", "good", "very good", "excellent"];

    /// <summary>A chain whose recommendations pass by balanced vote, with the criteria adopted and the initiative anchored.</summary>
    private static (ProposalChain Chain, Hash256 Criteria) Ready(GovernanceParameters? rules = null)
    {
        var p = new ProposalChain(rules ?? ProposalChain.Rules(recommendation: VotingMethod.Balanced));
        var list = p.SubmitAndOpen(GovernanceMessages.Recommendation("Principles for government blockchain initiatives", "1. Transparency\n2. Data protection"));
        p.VoteAll(ProposalChain.OnePerGroup, list, YesNoBallot.Yes);
        p.RunUntilDue(list);
        Assert.Equal(ProposalStatus.Passed, p.Proposal(list).Status);
        Anchored(p.Chain, TestChain.Founder("government", 0), Initiative);
        return (p, list);
    }

    private static SubmitProposal Assess(Hash256 criteriaList, Hash256? subject = null) =>
        GovernanceMessages.Assess("Assess the land registry", "# Assessment", subject ?? Digest(Initiative), criteriaList, Criteria, Scale);

    private static TxResult RefusedAtSubmission(ProposalChain p, SubmitProposal proposal, TxCode code) =>
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, proposal), code);

    [Fact]
    public void Graded_ballots_decide_the_assessment_by_the_balanced_majority_grade_and_the_report_keeps_every_figure()
    {
        var (p, list) = Ready();
        var privateSector = p.RegisterMany("private-sector", 7);
        var id = p.SubmitAndOpen(Assess(list));

        p.VoteAll(privateSector, id, GradeBallot.Of(4, 3));
        p.Vote(TestChain.Founder("civil-society", 0), id, GradeBallot.Of(0, 3));
        p.Vote(TestChain.Founder("government", 0), id, GradeBallot.Of(1, 3));
        p.Vote(TestChain.Founder("intergovernmental", 0), id, GradeBallot.Of(1, 3));
        p.Vote(TestChain.Founder("technical", 0), id, GradeBallot.Of(2, 3));
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        var grades = p.App.GetProposalTally(id)!.Grades!;
        Assert.Equal(ProposalStatus.Passed, proposal.Status);
        Assert.Contains("11 of", proposal.Outcome, StringComparison.Ordinal);
        Assert.Contains("Transparency: fair; Data protection: very good", proposal.Outcome, StringComparison.Ordinal);
        Assert.Equal((4, 1), (grades.Criteria[0].Overall.Grade, grades.Criteria[0].Balanced.Grade));
        Assert.Equal(4, grades.Criteria[0].ByGroup["private-sector"].Grade);
        Assert.Equal(Rational.Of(2, 5), grades.Criteria[0].Balanced.Above);
    }

    [Fact]
    public void A_later_ballot_of_the_same_elector_replaces_the_earlier_one()
    {
        var (p, list) = Ready();
        var id = p.SubmitAndOpen(Assess(list));

        p.Vote(TestChain.Founder("technical", 0), id, GradeBallot.Of(0, 0));
        p.Vote(TestChain.Founder("technical", 0), id, GradeBallot.Of(4, 2));

        var grades = p.App.GetProposalTally(id)!.Grades!;
        Assert.Equal(1, grades.Voters);
        Assert.Equal((4, 2), (grades.Criteria[0].Overall.Grade, grades.Criteria[1].Overall.Grade));
    }

    [Fact]
    public void Under_a_majority_rule_the_one_ballot_one_weight_grade_is_the_assessments_own()
    {
        var tenRules = ProposalChain.Rules(recommendation: VotingMethod.Balanced);
        tenRules = tenRules with { Rules = [.. tenRules.Rules, tenRules.Rules[2], tenRules.Rules[2] with { Method = VotingMethod.Majority }] };
        var (p, list) = Ready(tenRules);
        var privateSector = p.RegisterMany("private-sector", 7);
        var id = p.SubmitAndOpen(Assess(list));

        p.VoteAll(privateSector, id, GradeBallot.Of(4, 3));
        p.Vote(TestChain.Founder("civil-society", 0), id, GradeBallot.Of(0, 3));
        p.RunUntilDue(id);

        Assert.Equal(VotingMethod.Majority, p.Proposal(id).Rule.Method);
        Assert.Contains("Transparency: excellent", p.Proposal(id).Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_chain_whose_rules_predate_assessments_the_parameter_change_rule_decides_them()
    {
        var (p, list) = Ready();

        var id = p.SubmitAndOpen(Assess(list));

        Assert.Equal(GovernanceParameters.KindCountWithoutDisputeAppeal, ProposalChain.Rules().Rules.Count);
        Records.AssertSame(ProposalChain.Rules().Rules[(int)ProposalKind.ParameterChange - 1], p.Proposal(id).Rule);
    }

    [Fact]
    public void An_assessment_without_any_ballot_is_rejected()
    {
        var (p, list) = Ready();
        var id = p.SubmitAndOpen(Assess(list));

        p.RunUntilDue(id);

        Assert.Equal(ProposalStatus.Rejected, p.Proposal(id).Status);
        Assert.Contains("quorum not met", p.Proposal(id).Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_criteria_list_is_refused_with_its_code()
    {
        var (p, _) = Ready();

        var result = RefusedAtSubmission(p, Assess(Hash256.Compute("no such proposal"u8)), TxCode.CriteriaListUnknown);

        Assert.Contains("not a recommendation proposal", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criteria_list_that_is_not_a_recommendation_is_refused_as_unknown()
    {
        var (p, _) = Ready();
        var selection = p.Submit(ProposalChain.Author, GovernanceMessages.BestPractice("Pick one", "# Options", ["a", "b"]));

        RefusedAtSubmission(p, Assess(selection), TxCode.CriteriaListUnknown);
    }

    [Fact]
    public void A_recommendation_that_has_not_passed_is_refused_as_criteria_list()
    {
        var (p, _) = Ready();
        var pending = p.Submit(ProposalChain.Author, ProposalChain.Recommendation());

        var result = RefusedAtSubmission(p, Assess(pending), TxCode.CriteriaListNotAdopted);

        Assert.Contains("is deliberation, not passed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_that_is_not_anchored_or_was_revoked_is_refused()
    {
        var (p, list) = Ready();

        var unknown = RefusedAtSubmission(p, Assess(list, Digest("never anchored")), TxCode.AssessmentSubjectUnknown);
        p.Chain.RunOk(p.Chain.Tx(TestChain.Founder("government", 0), new RevokeAnchor(Digest(Initiative), "Outdated.")));
        var revoked = RefusedAtSubmission(p, Assess(list), TxCode.AssessmentSubjectUnknown);

        Assert.Contains("is not an anchored document", unknown.Reason, StringComparison.Ordinal);
        Assert.Contains("is revoked", revoked.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ballot_with_the_wrong_number_of_grades_or_a_grade_off_the_scale_is_refused_and_not_counted()
    {
        var (p, list) = Ready();
        var id = p.SubmitAndOpen(Assess(list));
        PrivateKey voter = TestChain.Founder("technical", 0);

        var tooFew = p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, GradeBallot.Of(2)), TxCode.GradesDoNotFit);
        var offScale = p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, GradeBallot.Of(2, 5)), TxCode.GradesDoNotFit);
        var yesNo = p.Chain.RefuseConsumingSequence(p.VoteTx(voter, id, YesNoBallot.Yes), TxCode.Malformed);

        Assert.Contains("2 criteria", tooFew.Reason, StringComparison.Ordinal);
        Assert.Contains("grades 0 to 4", offScale.Reason, StringComparison.Ordinal);
        Assert.Contains("grade ballot", yesNo.Reason, StringComparison.Ordinal);
        Assert.Equal(0, p.App.GetProposalTally(id)!.Grades!.Voters);
    }
}
