using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Assessments;

/// <summary>
/// How a closed assessment is decided: it is concluded (passed) when the share of the electorate
/// that graded reaches the rule's quorum and at least one elector graded; its record is then the
/// majority grade of each criterion. The rule's method says which result is the assessment's own:
/// <c>balanced</c> gives every stakeholder group the same weight, <c>majority</c> every ballot.
/// </summary>
public static class AssessmentOutcome
{
    /// <summary>True when the rule makes the balanced result the assessment's own.</summary>
    public static bool IsBalanced(ProposalRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Method == VotingMethod.Balanced;
    }

    /// <summary>The result that counts for <paramref name="rule"/>: balanced or overall.</summary>
    public static MajorityGrade Headline(ProposalRule rule, CriterionJudgment judgment)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        return IsBalanced(rule) ? judgment.Balanced : judgment.Overall;
    }

    /// <summary>The decision on <paramref name="proposal"/>, an assessment, from its count.</summary>
    public static ProposalDecision Decide(ProposalRecord proposal, int electors, MajorityJudgmentResult grades)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(grades);
        var assessment = (Assessment)proposal.Action;
        var quorumMet = electors > 0 && grades.Voters > 0 && Rational.Of(grades.Voters, electors) >= proposal.Rule.Quorum;
        var medians = string.Join("; ", grades.Criteria.Select(c =>
            assessment.Criteria[c.Criterion] + ": " + (Headline(proposal.Rule, c).Grade is { } g ? assessment.Grades[g] : "none")));
        var account = $"majority judgment ({(IsBalanced(proposal.Rule) ? "balanced" : "one ballot one weight")}): {grades.Voters} of {electors} electors graded, " +
            $"quorum {(quorumMet ? "met" : "not met")}; {medians}.";
        return new ProposalDecision(quorumMet, account, 0);
    }
}
