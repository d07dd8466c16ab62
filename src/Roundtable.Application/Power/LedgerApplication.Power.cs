using Roundtable.Application.Members;
using Roundtable.Application.Power;
using Roundtable.Application.Validators;
using Roundtable.Core.Encoding;

namespace Roundtable.Application;

/// <summary>The power checks over the committed state.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>
    /// The power report of the committed state: the validators deciding the next block, all
    /// verified members, and every proposal's participation as the governance module records it.
    /// </summary>
    public PowerReport ReportPower() =>
        BuildPowerReport([.. ListParticipation(int.MaxValue).Select(p => new ProposalParticipation(
            p.Proposal,
            p.AuthorGroup,
            [.. p.ElectorsByGroup.Select(e => new GroupCount(e.Key, (ulong)e.Value))],
            [.. p.VotersByGroup.Select(v => new GroupCount(v.Key, (ulong)v.Value))]))]);

    private PowerReport BuildPowerReport(IReadOnlyList<ProposalParticipation> proposals)
    {
        var state = Committed;
        var parameters = Parameters;
        return PowerReport.Build(
            Height,
            Validators.Set.Validators,
            v => ValidatorRegion.Of(state, v.Key),
            [.. parameters.StakeholderGroups.Select(g => g.Id)],
            [.. parameters.Regions.Select(r => r.Id)],
            _map.EnumeratePrefix("member/"u8).Select(e => Canonical.FromBytes<MemberRecord>(e.Value)),
            proposals);
    }
}
