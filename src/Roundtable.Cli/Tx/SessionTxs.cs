using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions.Building;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.PersonalData;

namespace Roundtable.Cli.Tx;

/// <summary>Session transactions: create, room code, check-in, polls, ballots and dissent.</summary>
internal static class SessionTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) =>
        [Create(app, options), Code(app, options), CheckIn(app, options), PollCreate(app, options), PollOpen(app, options), PollClose(app, options), PollVote(app, options), Dissent(app, options)];

    private static Option<string> SessionOption() => new("--session") { Description = "The session id", Required = true };

    private static Option<uint> PollOption() => new("--poll") { Description = "The poll number (0 for the first poll of the session)", Required = true };

    private static Command Create(CliApp app, TxOptions options)
    {
        var title = new Option<string>("--title") { Description = "The session's title", Required = true };
        var format = new Option<string>("--format") { Description = "workshop, round-table, open-forum, …", DefaultValueFactory = _ => "workshop" };
        var start = new Option<string>("--start") { Description = "Scheduled start, e.g. 2026-12-01T09:00:00Z", Required = true };
        var end = new Option<string>("--end") { Description = "Scheduled end; check-in closes then", Required = true };
        var online = new Option<bool>("--allow-online") { Description = "Let participants check in online" };
        var coOrganiser = new Option<string[]>("--co-organiser") { Description = "Member id of another organiser (repeatable)" };
        var speaker = new Option<string[]>("--speaker") { Description = "'Name|group|region' or 'Name|group|region|member-id' (repeatable)" };
        var agenda = new Option<string[]>("--agenda") { Description = "An agenda item (repeatable, in order)" };
        var question = new Option<string[]>("--question") { Description = "A policy question (repeatable)" };
        var command = new Command("session-create", "Create a session (workshop, round table) that you organise") { title, format, start, end, online, coOrganiser, speaker, agenda, question };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var builder = new SessionBuilder(parse.GetValue(title)!)
                .Format(TxArguments.Identifier(parse.GetValue(format), "--format"))
                .Scheduled(SessionArguments.Time(parse.GetValue(start), "--start"), SessionArguments.Time(parse.GetValue(end), "--end"))
                .AllowOnline(parse.GetValue(online))
                .Agenda(parse.GetValue(agenda) ?? [])
                .PolicyQuestion(parse.GetValue(question) ?? []);
            foreach (var id in parse.GetValue(coOrganiser) ?? [])
            {
                builder.CoOrganiser(TxArguments.MemberId(id, "--co-organiser"));
            }

            foreach (var s in (parse.GetValue(speaker) ?? []).Select(SessionArguments.Speaker))
            {
                builder.Speaker(s.Name, s.StakeholderGroup, s.Region, s.Member);
            }

            var sessionId = CreateSession.IdFor(MemberTxs.RequireMember(build), build.Account.UInt64("nextSequence")).ToString();
            return new TxPlan(
                builder.Build(),
                $"Created session {sessionId}. Post the room code with: roundtable tx session-code --session {sessionId} --code CODE",
                new JsonObject { ["sessionId"] = sessionId });
        });
        return command;
    }

    private static Command Code(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var code = new Option<string>("--code") { Description = "The short code you will show in the room (only its hash goes on chain)", Required = true };
        var command = new Command("session-code", "As an organiser, post or rotate the room's check-in code") { session, code };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = SessionArguments.Id(parse.GetValue(session), "--session", "session");
            return new TxPlan(SessionMessages.RoomCode(id, parse.GetValue(code)!), "Posted the code's commitment; show the code in the room. Posting another code replaces it.");
        });
        return command;
    }

    private static Command CheckIn(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var code = new Option<string?>("--code") { Description = "The code shown in the room (on-site check-in)" };
        var online = new Option<bool>("--online") { Description = "Check in online, if the session allows it" };
        var gender = new Option<string?>("--gender")
        {
            Description = "Optional: a gender you choose to declare for the report's participation figures; the chain keeps only a salted commitment, the nodes keep the value until you withdraw it",
        };
        var command = new Command("check-in", "Check in to a session, on site with the room code or online") { session, code, online, gender };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = SessionArguments.Id(parse.GetValue(session), "--session", "session");
            var text = parse.GetValue(code);
            if ((text is null) == !parse.GetValue(online))
            {
                throw new CliException("give exactly one of --code CODE (on site) or --online.", "usage");
            }

            var disclosure = DeclaredGender(parse.GetValue(gender));
            var message = text is null ? SessionMessages.Online(id, disclosure?.Commitment) : SessionMessages.OnSite(id, text, disclosure?.Commitment);
            return new TxPlan(message, $"Checked in to session {id} ({(text is null ? "online" : "on site")}).") { Disclosures = disclosure is null ? [] : [disclosure] };
        });
        return command;
    }

    private static Disclosure? DeclaredGender(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetByteCount(value) <= Ledger.Messages.Sessions.CheckIn.MaxGenderBytes
            ? FreshDisclosure.Of(Ledger.Messages.Sessions.CheckIn.GenderField, value)
            : throw new CliException($"--gender is at most {Ledger.Messages.Sessions.CheckIn.MaxGenderBytes} bytes of UTF-8.", "invalid-argument");
    }

    private static Command PollCreate(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var question = new Option<string>("--question") { Description = "The question", Required = true };
        var method = new Option<string>("--method") { Description = "majority, balanced, approval, balanced-approval, ranked or balanced-ranked", Required = true };
        var option = new Option<string[]>("--option") { Description = "An option, in listing order (repeatable; none for majority and balanced)" };
        var command = new Command("poll-create", "As an organiser, add a poll (a draft until opened)") { session, question, method, option };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = SessionArguments.Id(parse.GetValue(session), "--session", "session");
            var m = PollMethods.Parse(parse.GetValue(method)!)
                ?? throw new CliException($"--method '{parse.GetValue(method)}' is not one of majority, balanced, approval, balanced-approval, ranked, balanced-ranked.", "invalid-argument");
            return new TxPlan(new CreatePoll(id, parse.GetValue(question)!, parse.GetValue(option) ?? [], m), "Poll created; open it with: roundtable tx poll-open --session ID --poll N");
        });
        return command;
    }

    private static Command PollOpen(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var poll = PollOption();
        var command = new Command("poll-open", "As an organiser, open a poll: its electorate is everyone checked in now") { session, poll };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new OpenPoll(SessionArguments.Id(parse.GetValue(session), "--session", "session"), parse.GetValue(poll)), "Poll opened."));
        return command;
    }

    private static Command PollClose(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var poll = PollOption();
        var command = new Command("poll-close", "As an organiser, close a poll; its result is then counted and published") { session, poll };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new ClosePoll(SessionArguments.Id(parse.GetValue(session), "--session", "session"), parse.GetValue(poll)), "Poll closed; see the result with: roundtable query session ID"));
        return command;
    }

    private static Command PollVote(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var poll = PollOption();
        var choice = new Option<string?>("--choice") { Description = "yes, no or abstain (majority and balanced polls)" };
        var approve = new Option<string?>("--approve") { Description = "Option numbers you approve, e.g. 0,2 (approval polls; empty approves none)" };
        var rank = new Option<string?>("--rank") { Description = "Every option number from most to least preferred, e.g. 2,0,1 (ranked polls)" };
        var optionCount = new Option<int?>("--options") { Description = "With --rank: the poll's option count, to leave the options you do not list unranked" };
        var command = new Command("poll-vote", "Vote in an open poll of a session you checked in to (a new vote replaces your earlier one)") { session, poll, choice, approve, rank, optionCount };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = SessionArguments.Id(parse.GetValue(session), "--session", "session");
            var number = parse.GetValue(poll);
            var (c, a, r) = (parse.GetValue(choice), parse.GetValue(approve), parse.GetValue(rank));
            if (new[] { c is not null, a is not null, r is not null }.Count(given => given) != 1)
            {
                throw new CliException("give exactly one of --choice, --approve or --rank.", "usage");
            }

            try
            {
                var ballot = c is not null
                    ? SessionMessages.Vote(id, number, c switch
                    {
                        "yes" => VoteChoice.Yes,
                        "no" => VoteChoice.No,
                        "abstain" => VoteChoice.Abstain,
                        _ => throw new CliException($"--choice '{c}' must be yes, no or abstain.", "invalid-argument"),
                    })
                    : a is not null
                        ? SessionMessages.Approve(id, number, SessionArguments.Indexes(a, "--approve"))
                        : Ranked(id, number, SessionArguments.Indexes(r!, "--rank"), parse.GetValue(optionCount));
                return new TxPlan(ballot, $"Voted in poll {number}; a later vote replaces this one until the poll closes.");
            }
            catch (ArgumentException e)
            {
                throw new CliException("the ballot is not valid: " + e.Message, "invalid-argument");
            }
        });
        return command;
    }

    private static CastPollBallot Ranked(Core.Hashing.Hash256 session, uint poll, int[] order, int? optionCount) =>
        SessionMessages.Rank(session, poll, optionCount ?? order.Length, order);

    private static Command Dissent(CliApp app, TxOptions options)
    {
        var session = SessionOption();
        var objection = new Option<bool>("--objection") { Description = "Record an objection (default: a minority view)" };
        var subject = new Option<string>("--subject") { Description = "What it is about, e.g. 'Poll 1' or an agenda item", Required = true };
        var reason = new Option<string>("--reason") { Description = "Your reason or view", Required = true };
        var command = new Command("dissent", "Record an objection or a minority view in a session you take part in") { session, objection, subject, reason };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = SessionArguments.Id(parse.GetValue(session), "--session", "session");
            var kind = parse.GetValue(objection) ? DissentKind.Objection : DissentKind.MinorityView;
            return new TxPlan(new RecordDissent(id, kind, parse.GetValue(subject)!, parse.GetValue(reason)!), "Recorded; it appears in the session report.");
        });
        return command;
    }
}
