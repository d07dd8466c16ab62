using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Portal.Tests.Support;

/// <summary>The seeded chain's assessment: criteria adopted by consensus, then the workshop minutes graded against them.</summary>
public sealed partial class SeededNode
{
    /// <summary>The two criteria (the second with hostile text) on the scale poor … excellent.</summary>
    public static readonly string[] AssessmentCriteria = ["Transparency", "Openness " + Script];

    /// <summary>The recommendation that adopted the criteria.</summary>
    public Hash256 CriteriaListId { get; private set; }

    /// <summary>
    /// The assessment of the anchored minutes, decided: Transparency graded excellent (Alice), fair
    /// (Bo) and fair (the hostile member): majority grade fair; Openness good, good, very good: good.
    /// </summary>
    public Hash256 AssessmentId { get; private set; }

    private async Task SeedAssessmentAsync(Member alice, Member bo, Member hostile)
    {
        var criteria = GovernanceMessages.Recommendation("Principles for assessing minutes", "1. Transparency\n2. Openness");
        CriteriaListId = Ledger.Messages.Governance.ProposalId.For(Hash256.Parse(alice.Id), alice.Sequence);
        await SendAsync(alice, criteria);
        await SendAsync(bo, new SponsorProposal(CriteriaListId));
        await TestNode.Until(async () => await ProposalStatusAsync(CriteriaListId) == "voting", "the criteria vote to open");
        await SendAsync(alice, GovernanceMessages.Vote(CriteriaListId, criteria.Document.Hash, ConsensusStatement.Supports()));
        await TestNode.Until(async () => await ProposalStatusAsync(CriteriaListId) == "awaiting-call", "the chair's call");
        await SendAsync(alice, new CallConsensus(CriteriaListId, true, "Nobody objected."));
        await TestNode.Until(async () => await ProposalStatusAsync(CriteriaListId) is "passed" or "executed", "the criteria to be adopted");

        var assess = GovernanceMessages.Assess(
            "Assessment of the minutes " + Script, "# How open are the minutes?", AnchorDigest, CriteriaListId, AssessmentCriteria, ["poor", "fair", "good", "very good", "excellent"]);
        AssessmentId = Ledger.Messages.Governance.ProposalId.For(Hash256.Parse(alice.Id), alice.Sequence);
        await SendAsync(alice, assess);
        await SendAsync(bo, new SponsorProposal(AssessmentId));
        await TestNode.Until(async () => await ProposalStatusAsync(AssessmentId) == "voting", "grading to open");
        // Together, for the same reason as the ranked vote: one second of block time to grade.
        await SendTogetherAsync(
        [
            (alice, GovernanceMessages.Vote(AssessmentId, assess.Document.Hash, GradeBallot.Of(4, 2))),
            (bo, GovernanceMessages.Vote(AssessmentId, assess.Document.Hash, GradeBallot.Of(1, 2))),
            (hostile, GovernanceMessages.Vote(AssessmentId, assess.Document.Hash, GradeBallot.Of(1, 3))),
        ]);
        await TestNode.Until(async () => await ProposalStatusAsync(AssessmentId) is "passed" or "executed", "the grades to be counted");
    }
}
