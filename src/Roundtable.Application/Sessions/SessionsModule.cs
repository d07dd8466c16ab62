using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.PersonalData;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>
/// Sessions: creation, the room code, check-in, polls over the checked-in participants, and
/// objections and minority views. Pure: reads and writes only the state view. See docs/sessions.md.
/// </summary>
public static class SessionsModule
{
    /// <summary>True for the message types this module executes (48–63).</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.CreateSession and <= (MessageType)63;

    /// <summary>A session, or null.</summary>
    public static SessionRecord? GetSession(StateView state, Hash256 id) => state.Get<SessionRecord>(SessionKeys.Session(id));

    /// <summary>Executes one session message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case CreateSession m: Create(ctx, m); break;
            case SetCheckInCode m: SetCode(ctx, m); break;
            case CheckIn m: Enter(ctx, m); break;
            case CreatePoll m: AddPoll(ctx, m); break;
            case OpenPoll m: Open(ctx, m); break;
            case ClosePoll m: Close(ctx, m); break;
            case CastPollBallot m: Vote(ctx, m); break;
            case RecordDissent m: Dissent(ctx, m); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The sessions module does not handle {message.Type}.");
        }
    }

    private static void Create(TxContext ctx, CreateSession m)
    {
        var sender = ctx.RequireSender();
        if (m.EndMs <= m.StartMs)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The session must end after it starts.");
        }

        if (m.EndMs <= ctx.TimeMs)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The session's scheduled end has already passed.");
        }

        foreach (var organiser in m.CoOrganisers)
        {
            if (organiser == sender.Id)
            {
                throw new TxRejectedException(TxCode.InvalidArgument, "You organise the session already; list only the other organisers.");
            }

            RequireMember(ctx, organiser, "Co-organiser");
        }

        foreach (var speaker in m.Speakers)
        {
            if (!ctx.Parameters.HasGroup(speaker.StakeholderGroup) || !ctx.Parameters.HasRegion(speaker.Region))
            {
                throw new TxRejectedException(TxCode.InvalidArgument, $"Speaker '{speaker.Name}' names an unknown stakeholder group or region.");
            }

            if (speaker.Member is { } member)
            {
                RequireMember(ctx, member, $"Speaker '{speaker.Name}'");
            }
        }

        var id = CreateSession.IdFor(sender.Id, sender.Sequence - 1);
        if (GetSession(ctx.State, id) is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"Session {id.ToShortString()} exists already.");
        }

        var organisers = SortedHashes.With(m.CoOrganisers, sender.Id);
        ctx.State.Put(SessionKeys.Session(id), new SessionRecord(id, sender.Id, m, organisers, Hash256.Zero, 0, ctx.Height, 0, 0, 0));
    }

    private static void SetCode(TxContext ctx, SetCheckInCode m)
    {
        var session = RequireOrganiser(ctx, m.Session);
        RequireNotEnded(ctx, session);
        ctx.State.Put(SessionKeys.Session(session.Id), session with { CodeCommitment = m.CodeCommitment, CodeVersion = session.CodeVersion + 1 });
    }

    private static void Enter(TxContext ctx, CheckIn m)
    {
        var sender = ctx.RequireSender();
        var session = RequireSession(ctx, m.Session);
        if (ctx.TimeMs > session.Definition.EndMs)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "Check-in closed at the session's scheduled end.");
        }

        if (ctx.State.Contains(SessionKeys.Participant(session.Id, sender.Id)))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "You are already checked in to this session.");
        }

        if (m.Mode == AttendanceMode.Online && !session.Definition.AllowOnline)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "This session does not allow online check-in; check in on site with the code shown in the room.");
        }

        if (m.Mode == AttendanceMode.OnSite)
        {
            if (session.CodeVersion == 0)
            {
                throw new TxRejectedException(TxCode.Unauthorized, "The organisers have not posted a room code yet.");
            }

            if (SetCheckInCode.Commitment(session.Id, m.Code) != session.CodeCommitment)
            {
                throw new TxRejectedException(TxCode.Unauthorized, "The code does not match the one shown in the room now (it may have been rotated).");
            }
        }

        if (session.ParticipantCount >= SessionRecord.MaxParticipants)
        {
            throw new TxRejectedException(TxCode.Oversize, $"The session is full ({SessionRecord.MaxParticipants} participants).");
        }

        ctx.State.Put(
            SessionKeys.Participant(session.Id, sender.Id),
            new ParticipantRecord(sender.Id, session.ParticipantCount, m.Mode, m.DeclaredGender, sender.StakeholderGroup, sender.Region, sender.IsVerified, ctx.Height));
        ctx.State.Put(SessionKeys.Session(session.Id), session with { ParticipantCount = session.ParticipantCount + 1 });
        if (m.DeclaredGender is { } gender)
        {
            PersonalDataModule.Record(ctx, sender.Id, CheckIn.GenderField, gender);
        }
    }

    private static void AddPoll(TxContext ctx, CreatePoll m)
    {
        var session = RequireOrganiser(ctx, m.Session);
        if (session.PollCount >= PollRef.MaxPolls)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A session holds at most {PollRef.MaxPolls} polls.");
        }

        ctx.State.Put(SessionKeys.Poll(session.Id, session.PollCount), new PollRecord(session.Id, session.PollCount, m, PollStatus.Draft, 0, 0, 0));
        ctx.State.Put(SessionKeys.Session(session.Id), session with { PollCount = session.PollCount + 1 });
    }

    private static void Open(TxContext ctx, OpenPoll m)
    {
        var session = RequireOrganiser(ctx, m.Session);
        var poll = RequirePoll(ctx, session, m.Poll);
        if (poll.Status != PollStatus.Draft)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Poll {m.Poll} is {StatusName(poll.Status)} already.");
        }

        ctx.State.Put(SessionKeys.Poll(session.Id, m.Poll), poll with { Status = PollStatus.Open, ElectorateSize = session.ParticipantCount, OpenedHeight = ctx.Height });
    }

    private static void Close(TxContext ctx, ClosePoll m)
    {
        var session = RequireOrganiser(ctx, m.Session);
        var poll = RequirePoll(ctx, session, m.Poll);
        if (poll.Status != PollStatus.Open)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Poll {m.Poll} is {StatusName(poll.Status)}, not open.");
        }

        ctx.State.Put(SessionKeys.Poll(session.Id, m.Poll), poll with { Status = PollStatus.Closed, ClosedHeight = ctx.Height });
    }

    private static void Vote(TxContext ctx, CastPollBallot m)
    {
        var sender = ctx.RequireSender();
        var session = RequireSession(ctx, m.Session);
        var poll = RequirePoll(ctx, session, m.Poll);
        if (poll.Status != PollStatus.Open)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Poll {m.Poll} is {StatusName(poll.Status)}: ballots are accepted only while it is open.");
        }

        var participant = ctx.State.Get<ParticipantRecord>(SessionKeys.Participant(session.Id, sender.Id))
            ?? throw new TxRejectedException(TxCode.Unauthorized, "You are not checked in to this session: only its checked-in participants vote in its polls.");
        if (participant.Ordinal >= poll.ElectorateSize)
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"You checked in after poll {m.Poll} opened: its electorate was fixed at opening.");
        }

        var problem = PollBallots.Problem(poll, m.Ballot.Span);
        if (problem is not null)
        {
            throw new TxRejectedException(TxCode.Malformed, problem);
        }

        ctx.State.Put(SessionKeys.Ballot(session.Id, m.Poll, sender.Id), new BallotRecord(sender.Id, m.Ballot.ToArray(), ctx.Height));
    }

    private static void Dissent(TxContext ctx, RecordDissent m)
    {
        var sender = ctx.RequireSender();
        var session = RequireSession(ctx, m.Session);
        if (!session.IsOrganiser(sender.Id) && !ctx.State.Contains(SessionKeys.Participant(session.Id, sender.Id)))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only the session's participants and organisers record objections and minority views in it.");
        }

        if (session.DissentCount >= SessionRecord.MaxDissents)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A session records at most {SessionRecord.MaxDissents} objections and minority views.");
        }

        ctx.State.Put(SessionKeys.Dissent(session.Id, session.DissentCount), new DissentRecord(session.DissentCount, sender.Id, m.Kind, m.Subject, m.Reason, ctx.Height));
        ctx.State.Put(SessionKeys.Session(session.Id), session with { DissentCount = session.DissentCount + 1 });
    }

    private static SessionRecord RequireSession(TxContext ctx, Hash256 id) =>
        GetSession(ctx.State, id) ?? throw new TxRejectedException(TxCode.NotFound, $"No session {id.ToShortString()}.");

    private static SessionRecord RequireOrganiser(TxContext ctx, Hash256 id)
    {
        var sender = ctx.RequireSender();
        var session = RequireSession(ctx, id);
        return session.IsOrganiser(sender.Id)
            ? session
            : throw new TxRejectedException(TxCode.Unauthorized, "Only the session's organisers may do this.");
    }

    private static PollRecord RequirePoll(TxContext ctx, SessionRecord session, uint number) =>
        ctx.State.Get<PollRecord>(SessionKeys.Poll(session.Id, number))
            ?? throw new TxRejectedException(TxCode.NotFound, $"Session {session.Id.ToShortString()} has no poll {number} (it has {session.PollCount}).");

    private static void RequireNotEnded(TxContext ctx, SessionRecord session)
    {
        if (ctx.TimeMs > session.Definition.EndMs)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The session has ended.");
        }
    }

    private static void RequireMember(TxContext ctx, Hash256 id, string who)
    {
        if (MembersModule.GetMember(ctx.State, id) is null)
        {
            throw new TxRejectedException(TxCode.NotFound, $"{who} {id.ToShortString()} is not a member.");
        }
    }

    private static string StatusName(PollStatus status) => status switch
    {
        PollStatus.Draft => "a draft",
        PollStatus.Open => "open",
        _ => "closed",
    };
}
