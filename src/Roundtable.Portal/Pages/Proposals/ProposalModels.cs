using Roundtable.Application;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Components;

namespace Roundtable.Portal.Pages.Proposals;

/// <summary>Every proposal, in id order.</summary>
public sealed record ProposalListModel(IReadOnlyList<ProposalRecord> Proposals);

/// <summary>One proposal with everything recorded about it, and the members it names.</summary>
public sealed record ProposalModel(
    ProposalRecord Proposal,
    TallyBreakdown? Tally,
    IReadOnlyList<CommentRecord> Comments,
    IReadOnlyList<AmendmentRecord> Amendments,
    IReadOnlyDictionary<Hash256, MemberRecord> Members,
    ChainParameters Parameters)
{
    private const int MaxShown = 500;

    /// <summary>Reads proposal <paramref name="id"/> from committed state, or null when there is none.</summary>
    public static ProposalModel? Read(LedgerApplication app, Hash256 id)
    {
        if (app.GetProposal(id) is not { } proposal)
        {
            return null;
        }

        var comments = app.ListProposalComments(id, MaxShown);
        var amendments = app.ListProposalAmendments(id, MaxShown);
        var people = comments.Select(c => c.Author).Concat(amendments.Select(a => a.Proposer)).Append(proposal.Author).Append(proposal.Chair).Concat(proposal.Sponsors);
        return new ProposalModel(
            proposal,
            app.GetProposalTally(id) is { } report ? TallyBreakdown.Of(report, proposal.Options) : null,
            comments,
            amendments,
            people.Distinct().Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id),
            app.Parameters);
    }
}
