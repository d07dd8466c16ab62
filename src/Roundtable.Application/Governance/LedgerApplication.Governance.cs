using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application;

/// <summary>Governance queries against the committed state.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>The governance rules in force.</summary>
    public GovernanceParameters GovernanceParameters => ProposalStore.Parameters(Committed);

    /// <summary>The approved software upgrade, or null.</summary>
    public UpgradePlan? UpgradePlan => Committed.Get<UpgradePlan>(GovernanceKeys.Upgrade);

    /// <summary>A proposal by id, or null.</summary>
    public ProposalRecord? GetProposal(Hash256 id) => ProposalStore.Get(Committed, id);

    /// <summary>Proposals in id order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ProposalRecord> ListProposals(int limit) =>
        [.. _map.EnumeratePrefix(GovernanceKeys.ProposalPrefix).Take(limit).Select(e => Canonical.FromBytes<ProposalRecord>(e.Value))];

    /// <summary>The count of a proposal's vote with its breakdowns by group and region; null when the proposal is unknown or voting never opened.</summary>
    public ProposalTallyReport? GetProposalTally(Hash256 id) =>
        GetProposal(id) is { } proposal ? ProposalTally.Report(Committed, proposal) : null;

    /// <summary>A proposal's comments in the order they were made, at most <paramref name="limit"/>; empty when the proposal is unknown.</summary>
    public IReadOnlyList<CommentRecord> ListProposalComments(Hash256 id, int limit) =>
        ReadNumbered<CommentRecord>(GetProposal(id)?.Comments ?? 0, limit, n => GovernanceKeys.Comment(id, n));

    /// <summary>A proposal's amendments in the order they were proposed, at most <paramref name="limit"/>; empty when the proposal is unknown.</summary>
    public IReadOnlyList<AmendmentRecord> ListProposalAmendments(Hash256 id, int limit) =>
        ReadNumbered<AmendmentRecord>(GetProposal(id)?.Amendments ?? 0, limit, n => GovernanceKeys.Amendment(id, n));

    /// <summary>Participation by stakeholder group in every proposal, in id order (for power-check reports).</summary>
    public IReadOnlyList<ProposalParticipation> ListParticipation(int limit) =>
        [.. ListProposals(limit).Select(p => ProposalParticipation.Of(Committed, p))];

    /// <summary>The pause of a module, or null when it runs (an expired pause is reported until replaced; compare with block time).</summary>
    public ModulePause? GetModulePause(string module) => Committed.Get<ModulePause>(GovernanceKeys.Pause(module));

    private List<T> ReadNumbered<T>(uint count, int limit, Func<uint, byte[]> key)
        where T : class, ICanonical<T>
    {
        var records = new List<T>();
        for (uint n = 0; n < count && records.Count < limit; n++)
        {
            if (Committed.Get<T>(key(n)) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
