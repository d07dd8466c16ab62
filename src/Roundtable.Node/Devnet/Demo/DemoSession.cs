using System.Text.Json.Nodes;
using Roundtable.Application.Sessions.Building;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Devnet.Demo;

/// <summary>
/// The demo's round table: programme with speakers of several groups, check-in on site (room code)
/// and online, a ranked best-practice poll among the participants, a minority view, the report.
/// </summary>
public static class DemoSession
{
    /// <summary>The session's title.</summary>
    public const string Title = "How blockchain works in Internet governance innovation";

    /// <summary>The poll's options; the report names the Schulze winner.</summary>
    public static IReadOnlyList<string> Practices { get; } =
    [
        "Anchor the hash of every outcome document on the ledger",
        "Publish signed minutes of every session on the ledger",
        "Keep records off chain, with yearly independent audits",
    ];

    private const string RoomCode = "IGF-7342";

    /// <summary>Runs the session to its closed poll; returns the session id.</summary>
    public static async Task<Hash256> RunAsync(DemoCast cast, CancellationToken ct)
    {
        var client = cast.Client;
        var organiser = cast.Founder("civil-society", 1);
        var now = (ulong)DateTimeOffset.Parse((string)(await client.GetAsync("status", ct).ConfigureAwait(false))["latestBlockTime"]!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var create = new SessionBuilder(Title)
            .Format("round-table")
            .Scheduled(now, now + (3 * 3_600_000))
            .AllowOnline()
            .CoOrganiser(DemoCast.MemberId(cast.Founder("technical", 1)))
            .Speaker("Founder 1, Governments", "government", "africa", DemoCast.MemberId(cast.Founder("government", 1)))
            .Speaker("Founder 1, Civil society", "civil-society", "latin-america-caribbean", DemoCast.MemberId(organiser))
            .Speaker("Founder 1, Technical community", "technical", "asia-pacific", DemoCast.MemberId(cast.Founder("technical", 1)))
            .Speaker("Founder 1, Private sector", "private-sector", "eastern-europe", DemoCast.MemberId(cast.Founder("private-sector", 1)))
            .Agenda("What a ledger is, and what it is not", "Co-governing a DNS zone on a ledger", "Which record-keeping practice should we recommend?")
            .PolicyQuestion("Can a multistakeholder ledger make Internet governance outcomes easier to verify?", "What must never be stored on chain?")
            .Build();
        var created = await client.SendAsync(organiser, create, ct).ConfigureAwait(false);
        var session = CreateSession.IdFor(DemoCast.MemberId(organiser), created.Sequence);
        cast.Log($"session '{Title}' created at height {created.Height} ({session.ToShortString()})");

        await client.SendAsync(organiser, SessionMessages.RoomCode(session, RoomCode), ct).ConfigureAwait(false);
        var participants = cast.Everyone.ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            // Half in the room with the code, half online; some declare a gender, most do not. The
            // check-in carries the gender's commitment; the value goes beside it to the nodes.
            var gender = (i % 3) switch { 0 => "woman", 1 => null, _ => i % 2 == 0 ? "man" : null };
            var disclosure = gender is null ? null : FreshDisclosure.Of(CheckIn.GenderField, gender);
            var checkIn = i % 2 == 0 ? SessionMessages.OnSite(session, RoomCode, disclosure?.Commitment) : SessionMessages.Online(session, disclosure?.Commitment);
            await client.SendAsync(participants[i], checkIn, ct).ConfigureAwait(false);
            if (disclosure is not null)
            {
                await client.DiscloseAsync([disclosure], ct).ConfigureAwait(false);
            }
        }

        cast.Log($"{participants.Count} participants checked in (on site with the room code, and online)");
        await client.SendAsync(organiser, SessionMessages.Poll(session, "Which practice should the community recommend for governance records?", PollMethod.Ranked, [.. Practices]), ct).ConfigureAwait(false);
        var poll = (uint)((JsonArray)(await client.GetAsync("sessions/" + session, ct).ConfigureAwait(false))["pollDetails"]!).Count - 1;
        await client.SendAsync(organiser, new OpenPoll(session, poll), ct).ConfigureAwait(false);
        int[][] preferences = [[0, 1, 2], [1, 0, 2], [0, 2, 1], [2, 0, 1], [1, 2, 0]];
        for (var i = 0; i < participants.Count; i++)
        {
            await client.SendAsync(participants[i], SessionMessages.Rank(session, poll, Practices.Count, preferences[i % preferences.Length]), ct).ConfigureAwait(false);
        }

        await client.SendAsync(organiser, new ClosePoll(session, poll), ct).ConfigureAwait(false);
        await client.SendAsync(
            participants[^1],
            new RecordDissent(session, DissentKind.MinorityView, "Records off chain", "Small organisations cannot run nodes; audited off-chain records keep them in the process."),
            ct).ConfigureAwait(false);
        cast.Log($"ranked best-practice poll closed; report: GET /api/v1/sessions/{session}/report");
        return session;
    }
}
