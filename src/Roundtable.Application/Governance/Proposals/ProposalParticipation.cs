using System.Collections.Immutable;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// Who took part in one proposal, by stakeholder group: the author's group, electors and voters
/// (electors with a ballot or, for a secret ballot, a commitment) per group, and turnout. For
/// power-check reports (share of proposals and votes by group, turnout per proposal).
/// </summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Status">Its status.</param>
/// <param name="AuthorGroup">The author's stakeholder group now (empty if the author is gone).</param>
/// <param name="ElectorsByGroup">Electors per group (empty before voting opened).</param>
/// <param name="VotersByGroup">Voters per group, every group with electors.</param>
/// <param name="Turnout">Voters / electors; null without electors.</param>
public sealed record ProposalParticipation(
    Core.Hashing.Hash256 Proposal,
    ProposalKind Kind,
    ProposalStatus Status,
    string AuthorGroup,
    ImmutableSortedDictionary<string, int> ElectorsByGroup,
    ImmutableSortedDictionary<string, int> VotersByGroup,
    Rational? Turnout)
{
    /// <summary>Reads a proposal's participation from the state.</summary>
    public static ProposalParticipation Of(StateView state, ProposalRecord proposal)
    {
        var author = MembersModule.GetMember(state, proposal.Author)?.StakeholderGroup ?? string.Empty;
        var electorate = ProposalStore.Electorate(state, proposal.Id);
        var electors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var voters = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in electorate?.Electors ?? [])
        {
            electors[e.Group] = electors.GetValueOrDefault(e.Group) + 1;
            voters[e.Group] = 0;
        }

        var prefix = proposal.Secret ? GovernanceKeys.CommitmentPrefix(proposal.Id) : GovernanceKeys.BallotPrefix(proposal.Id);
        var total = 0;
        foreach (var entry in state.ScanPrefix(prefix))
        {
            if (electorate?.Find(GovernanceKeys.VoterOf(entry.Key)) is { } elector)
            {
                voters[elector.Group]++;
                total++;
            }
        }

        var count = electorate?.Electors.Count ?? 0;
        return new ProposalParticipation(
            proposal.Id,
            proposal.Kind,
            proposal.Status,
            author,
            electors.ToImmutableSortedDictionary(StringComparer.Ordinal),
            voters.ToImmutableSortedDictionary(StringComparer.Ordinal),
            count == 0 ? null : Rational.Of(total, count));
    }
}
