using System.Globalization;
using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Sessions;

/// <summary>
/// State keys of the sessions module. Numbers are zero-padded so that key order is number order,
/// and each kind has its own prefix so that a session's participants, polls, ballots and dissents
/// can be read back in order.
/// </summary>
public static class SessionKeys
{
    /// <summary>Prefix of every session record.</summary>
    public const string SessionPrefix = "session/";

    /// <summary>A session.</summary>
    public static byte[] Session(Hash256 id) => Key(SessionPrefix + id);

    /// <summary>Prefix of a session's participants (ordered by member id).</summary>
    public static byte[] ParticipantPrefix(Hash256 session) => Key($"session-participant/{session}/");

    /// <summary>A participant.</summary>
    public static byte[] Participant(Hash256 session, Hash256 member) => Key($"session-participant/{session}/{member}");

    /// <summary>Prefix of a session's polls (ordered by number).</summary>
    public static byte[] PollPrefix(Hash256 session) => Key($"session-poll/{session}/");

    /// <summary>A poll.</summary>
    public static byte[] Poll(Hash256 session, uint number) => Key($"session-poll/{session}/{Number(number)}");

    /// <summary>Prefix of a poll's ballots (ordered by voter id).</summary>
    public static byte[] BallotPrefix(Hash256 session, uint poll) => Key($"session-ballot/{session}/{Number(poll)}/");

    /// <summary>A voter's ballot in a poll.</summary>
    public static byte[] Ballot(Hash256 session, uint poll, Hash256 voter) => Key($"session-ballot/{session}/{Number(poll)}/{voter}");

    /// <summary>Prefix of a session's objections and minority views (ordered by number).</summary>
    public static byte[] DissentPrefix(Hash256 session) => Key($"session-dissent/{session}/");

    /// <summary>An objection or minority view.</summary>
    public static byte[] Dissent(Hash256 session, uint number) => Key($"session-dissent/{session}/{Number(number)}");

    private static string Number(uint n) => n.ToString("D5", NumberFormatInfo.InvariantInfo);

    private static byte[] Key(string path) => Encoding.ASCII.GetBytes(path);
}
