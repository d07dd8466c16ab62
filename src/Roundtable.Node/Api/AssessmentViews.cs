using System.Text.Json.Nodes;
using Roundtable.Application.Assessments;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Node.Api;

/// <summary>
/// The JSON view of an assessment's count: per criterion, the ballots at each grade and the
/// majority grade overall, balanced (every group weighs the same) and per group, each with its
/// gauge (shares above and below) as exact fractions. <c>counts</c> says which result is the
/// assessment's own under its rule.
/// </summary>
public static class AssessmentViews
{
    /// <summary>The count of <paramref name="proposal"/>, an assessment.</summary>
    public static JsonObject Result(ProposalRecord proposal, MajorityJudgmentResult result)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(result);
        var assessment = (Assessment)proposal.Action;
        return new JsonObject
        {
            ["counts"] = AssessmentOutcome.IsBalanced(proposal.Rule) ? "balanced" : "overall",
            ["voters"] = result.Voters,
            ["groupsCounted"] = result.GroupsCounted,
            ["grades"] = Json.JsonFields.Strings(assessment.Grades),
            ["criteria"] = new JsonArray([.. result.Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["criterion"] = c.Criterion,
                ["name"] = assessment.Criteria[c.Criterion],
                ["counts"] = new JsonArray([.. c.Counts.Select(n => (JsonNode)JsonValue.Create(n))]),
                ["majorityGrade"] = Grade(assessment, AssessmentOutcome.Headline(proposal.Rule, c)),
                ["overall"] = Grade(assessment, c.Overall),
                ["balanced"] = Grade(assessment, c.Balanced),
                ["byGroup"] = GovernanceViews.Map(c.ByGroup, g => Grade(assessment, g)),
            })]),
        };
    }

    private static JsonObject Grade(Assessment assessment, MajorityGrade grade) => new()
    {
        ["grade"] = grade.Grade,
        ["name"] = grade.Grade is { } g ? assessment.Grades[g] : null,
        ["above"] = GovernanceViews.Fraction(grade.Above),
        ["below"] = GovernanceViews.Fraction(grade.Below),
        ["shares"] = new JsonArray([.. grade.Shares.Select(s => (JsonNode)GovernanceViews.Fraction(s))]),
    };
}
