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

/// <summary>
/// The chair's room page: the room code (from the address, where the chair's browser put it after
/// committing to it) as a QR code of the check-in address, and whether it matches the commitment on chain.
/// </summary>
public sealed record SessionRoomModel(SessionRecord Session, IReadOnlyList<PollRecord> Polls, string? Code, string? CheckInUrl, bool CodeSet, string SuggestedCode)
{
    // Letters and digits that cannot be mistaken for one another when read off a wall.
    private const string CodeAlphabet = "ACDEFHJKMNPRTUVWXY3479";
    private const int CodeLength = 6;

    /// <summary>Reads the session and checks <paramref name="code"/> (if any) against its commitment.</summary>
    public static SessionRoomModel? Read(LedgerApplication app, Hash256 id, string? code, string origin)
    {
        if (app.GetSession(id) is not { } snapshot)
        {
            return null;
        }

        var session = snapshot.Session;
        var given = string.IsNullOrWhiteSpace(code) || code.Length > Ledger.Messages.Sessions.SetCheckInCode.MaxCodeBytes ? null : code.Trim();
        var url = given is null ? null : $"{origin}/sessions/{id}?code={Uri.EscapeDataString(given)}#check-in";
        var set = given is not null && Ledger.Messages.Sessions.SetCheckInCode.Commitment(id, given) == session.CodeCommitment;
        return new SessionRoomModel(session, [.. snapshot.Polls.Select(p => p.Poll)], given, url, set, NewCode());
    }

    // A suggestion only: the portal is outside consensus, and the chair may type any code.
    private static string NewCode() =>
        string.Create(CodeLength, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });
}
