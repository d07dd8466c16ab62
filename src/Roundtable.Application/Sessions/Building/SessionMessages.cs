using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions.Building;

/// <summary>
/// Short constructors for the session messages after creation: room code, check-in, polls and
/// ballots (encoded with the tallying library's canonical ballot types).
/// </summary>
public static class SessionMessages
{
    /// <summary>Posts (or rotates) the room code: only its commitment goes on chain.</summary>
    public static SetCheckInCode RoomCode(Hash256 session, string code) => new(session, SetCheckInCode.Commitment(session, code));

    /// <summary>Checks in on site with the room code, optionally declaring a gender by its commitment.</summary>
    public static CheckIn OnSite(Hash256 session, string code, Hash256? declaredGender = null) => new(session, AttendanceMode.OnSite, code, declaredGender);

    /// <summary>Checks in online, optionally declaring a gender by its commitment.</summary>
    public static CheckIn Online(Hash256 session, Hash256? declaredGender = null) => new(session, AttendanceMode.Online, "", declaredGender);

    /// <summary>A poll with options (approval or ranked methods).</summary>
    public static CreatePoll Poll(Hash256 session, string question, PollMethod method, params string[] options) => new(session, question, options, method);

    /// <summary>A yes / no poll (majority or balanced).</summary>
    public static CreatePoll YesNoPoll(Hash256 session, string question, PollMethod method = PollMethod.Majority) => new(session, question, [], method);

    /// <summary>A yes, no or abstain ballot.</summary>
    public static CastPollBallot Vote(Hash256 session, uint poll, VoteChoice choice) => Ballot(session, poll, new YesNoBallot(choice));

    /// <summary>An approval ballot approving <paramref name="options"/> (0-based).</summary>
    public static CastPollBallot Approve(Hash256 session, uint poll, params int[] options) => Ballot(session, poll, ApprovalBallot.Of(options));

    /// <summary>A ranked ballot: <paramref name="order"/> lists option indexes, most preferred first.</summary>
    public static CastPollBallot Rank(Hash256 session, uint poll, int optionCount, params int[] order) => Ballot(session, poll, RankedBallot.FromOrder(optionCount, order));

    private static CastPollBallot Ballot<T>(Hash256 session, uint poll, T ballot)
        where T : ICanonical<T> => new(session, poll, Canonical.ToBytes(ballot));
}
