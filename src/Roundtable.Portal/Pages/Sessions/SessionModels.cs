using Roundtable.Application;
using Roundtable.Application.Parameters;
using Roundtable.Application.Power;
using Roundtable.Application.Sessions;
using Roundtable.Application.Sessions.Results;
using Roundtable.Core.Hashing;

namespace Roundtable.Portal.Pages.Sessions;

/// <summary>Every session, in id order.</summary>
public sealed record SessionListModel(IReadOnlyList<SessionRecord> Sessions);

/// <summary>One session with its check-ins counted by group and region.</summary>
public sealed record SessionModel(SessionSnapshot Snapshot, IReadOnlyList<Share> ParticipantsByGroup, IReadOnlyList<Share> ParticipantsByRegion, ChainParameters Parameters)
{
    /// <summary>Reads session <paramref name="id"/> from committed state, or null when there is none.</summary>
    public static SessionModel? Read(LedgerApplication app, Hash256 id)
    {
        if (app.GetSession(id) is not { } snapshot)
        {
            return null;
        }

        var parameters = app.Parameters;
        return new SessionModel(
            snapshot,
            Share.Split(parameters.StakeholderGroups.Select(g => g.Id), snapshot.Participants.Select(p => (p.StakeholderGroup, 1UL))),
            Share.Split(parameters.Regions.Select(r => r.Id), snapshot.Participants.Select(p => (p.Region, 1UL))),
            parameters);
    }
}

/// <summary>A session's report (Markdown the chain generates from the record).</summary>
public sealed record SessionReportModel(Hash256 Id, string Title, string Markdown);
