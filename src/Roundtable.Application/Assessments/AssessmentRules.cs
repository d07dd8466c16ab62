using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Notary;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Assessments;

/// <summary>
/// What an assessment must name to be submitted, and what its grade ballots must hold. The
/// criteria are stated in the proposal; their authority is a recommendation that has passed, so
/// nobody can grade against a list the members never adopted.
/// </summary>
public static class AssessmentRules
{
    /// <summary>Refuses an assessment whose criteria list is not an adopted recommendation or whose subject is not an active anchor.</summary>
    public static void RequireAssessable(StateView state, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var list = ProposalStore.Get(state, assessment.CriteriaList);
        if (list is null || list.Kind != ProposalKind.Recommendation)
        {
            throw new TxRejectedException(
                TxCode.CriteriaListUnknown,
                $"The criteria list {assessment.CriteriaList.ToShortString()} is not a recommendation proposal: criteria are adopted as a recommendation first.");
        }

        if (list.Status is not (ProposalStatus.Passed or ProposalStatus.Executed))
        {
            throw new TxRejectedException(
                TxCode.CriteriaListNotAdopted,
                $"The recommendation {assessment.CriteriaList.ToShortString()} that would adopt the criteria is {list.Status.Name()}, not passed.");
        }

        var subject = NotaryModule.GetAnchor(state, assessment.Subject);
        if (subject is not { Status: AnchorStatus.Active })
        {
            throw new TxRejectedException(
                TxCode.AssessmentSubjectUnknown,
                subject is null
                    ? $"The subject {assessment.Subject.ToShortString()} is not an anchored document: anchor the document describing the initiative first."
                    : $"The subject {assessment.Subject.ToShortString()} is {subject.Status.ToString().ToLowerInvariant()}: assess its active version.");
        }
    }

    /// <summary>Refuses a ballot that is not a grade ballot with one grade on the scale of <paramref name="assessment"/> per criterion.</summary>
    public static void RequireFittingBallot(Assessment assessment, byte[] ballot)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        GradeBallot grades;
        try
        {
            grades = Canonical.FromBytes<GradeBallot>(ballot);
        }
        catch (DecodeException e)
        {
            throw new TxRejectedException(TxCode.Malformed, "The ballot is not a valid grade ballot: " + e.Message);
        }

        var misfit = grades.Misfit(assessment.Criteria.Count, assessment.Grades.Count);
        if (misfit is not null)
        {
            throw new TxRejectedException(TxCode.GradesDoNotFit, misfit);
        }
    }
}
