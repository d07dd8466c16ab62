using Roundtable.Application;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Components;

namespace Roundtable.Portal.Pages.Proposals;

/// <summary>Every proposal, in id order.</summary>
public sealed record ProposalListModel(IReadOnlyList<ProposalRecord> Proposals);

/// <summary>One proposal with everything recorded about it (for an assessment, its grades), and the members it names.</summary>
public sealed record ProposalModel(
    ProposalRecord Proposal,
    TallyBreakdown? Tally,
    MajorityJudgmentResult? Grades,
    IReadOnlyList<CommentRecord> Comments,
    IReadOnlyList<AmendmentRecord> Amendments,
    IReadOnlyDictionary<Hash256, MemberRecord> Members,
    ChainParameters Parameters,
    IReadOnlyList<ObjectionReview> Objections)
{
    private const int MaxShown = 500;

    /// <summary>A member named on the page, as "name (group, region)" in <paramref name="language"/>, or a short id when unknown.</summary>
    public string Person(Localization.Language language, Hash256 id) =>
        Members.TryGetValue(id, out var m) ? new Localization.ChainNames(language, Parameters).Person(m.DisplayName, m.StakeholderGroup, m.Region) : id.ToShortString();

    /// <summary>Reads proposal <paramref name="id"/> from committed state, or null when there is none.</summary>
    public static ProposalModel? Read(LedgerApplication app, Hash256 id)
    {
        if (app.GetProposal(id) is not { } proposal)
        {
            return null;
        }

        var comments = app.ListProposalComments(id, MaxShown);
        var amendments = app.ListProposalAmendments(id, MaxShown);
        var report = app.GetProposalTally(id);
        var objections = report?.Consensus?.Objections ?? [];
        var people = comments.Select(c => c.Author).Concat(amendments.Select(a => a.Proposer)).Append(proposal.Author).Append(proposal.Chair).Concat(proposal.Sponsors).Concat(objections.Select(o => o.Objector.MemberId));
        return new ProposalModel(
            proposal,
            report is null ? null : TallyBreakdown.Of(report, proposal.Options),
            report?.Grades,
            comments,
            amendments,
            people.Distinct().Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id),
            app.Parameters,
            objections);
    }
}
