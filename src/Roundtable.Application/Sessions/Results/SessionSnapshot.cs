using Roundtable.Application.Members;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;

namespace Roundtable.Application.Sessions.Results;

/// <summary>A poll with its current ballots and, once closed, its count.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Ballots">Current ballots, by voter id.</param>
/// <param name="Outcome">The count of a closed poll; null while draft or open.</param>
public sealed record PollSnapshot(PollRecord Poll, IReadOnlyList<BallotRecord> Ballots, PollOutcome? Outcome);

/// <summary>Everything the state records about one session, read at one height.</summary>
/// <param name="Session">The session.</param>
/// <param name="Participants">Checked-in participants, by member id.</param>
/// <param name="Polls">Polls by number.</param>
/// <param name="Dissents">Objections and minority views in the order recorded.</param>
/// <param name="People">Member records of organisers, member speakers, participants and dissenters, by id.</param>
/// <param name="Height">The height the state was read at.</param>
public sealed record SessionSnapshot(
    SessionRecord Session,
    IReadOnlyList<ParticipantRecord> Participants,
    IReadOnlyList<PollSnapshot> Polls,
    IReadOnlyList<DissentRecord> Dissents,
    IReadOnlyDictionary<Hash256, MemberRecord> People,
    ulong Height)
{
    /// <summary>Reads session <paramref name="id"/> from <paramref name="map"/>, or null when there is none.</summary>
    public static SessionSnapshot? Load(SparseMerkleMap map, Hash256 id, ulong height)
    {
        var raw = map.Get(SessionKeys.Session(id));
        if (raw is null)
        {
            return null;
        }

        var session = Canonical.FromBytes<SessionRecord>(raw);
        var participants = Read<ParticipantRecord>(map, SessionKeys.ParticipantPrefix(id));
        var polls = Read<PollRecord>(map, SessionKeys.PollPrefix(id)).Select(p =>
        {
            var ballots = Read<BallotRecord>(map, SessionKeys.BallotPrefix(id, p.Number));
            return new PollSnapshot(p, ballots, p.Status == PollStatus.Closed ? PollCounter.Count(p, participants, ballots) : null);
        }).ToList();
        var dissents = Read<DissentRecord>(map, SessionKeys.DissentPrefix(id));

        var ids = session.Organisers
            .Concat(session.Definition.Speakers.Where(s => s.Member is not null).Select(s => s.Member!.Value))
            .Concat(participants.Select(p => p.Member))
            .Concat(dissents.Select(d => d.Member));
        var people = new SortedDictionary<Hash256, MemberRecord>();
        foreach (var member in ids)
        {
            if (!people.ContainsKey(member) && map.Get(State.StateKeys.Member(member)) is { } record)
            {
                people[member] = Canonical.FromBytes<MemberRecord>(record);
            }
        }

        return new SessionSnapshot(session, participants, polls, dissents, people, height);
    }

    /// <summary>The member's display name, or the short id when unknown.</summary>
    public string NameOf(Hash256 member) => People.TryGetValue(member, out var m) ? m.DisplayName : member.ToShortString();

    private static List<T> Read<T>(SparseMerkleMap map, byte[] prefix)
        where T : ICanonical<T> =>
        [.. map.EnumeratePrefix(prefix).Select(e => Canonical.FromBytes<T>(e.Value))];
}
