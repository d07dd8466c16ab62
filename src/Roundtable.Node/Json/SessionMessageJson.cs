using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>The JSON form of the session and working-group messages (type tags 48–79); see <see cref="MessageJson"/>.</summary>
public static class SessionMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.CreateSession, "create-session"),
        (MessageType.SetCheckInCode, "set-check-in-code"),
        (MessageType.CheckIn, "check-in"),
        (MessageType.CreatePoll, "create-poll"),
        (MessageType.OpenPoll, "open-poll"),
        (MessageType.ClosePoll, "close-poll"),
        (MessageType.CastPollBallot, "cast-poll-ballot"),
        (MessageType.RecordDissent, "record-dissent"),
        (MessageType.CreateWorkingGroup, "create-working-group"),
        (MessageType.JoinWorkingGroup, "join-working-group"),
        (MessageType.LeaveWorkingGroup, "leave-working-group"),
        (MessageType.AddWorkingGroupMember, "add-working-group-member"),
        (MessageType.AddDeliverable, "add-deliverable"),
        (MessageType.ConcludeWorkingGroup, "conclude-working-group"),
    ];

    /// <summary>True for the message types this class maps.</summary>
    public static bool Handles(MessageType type) => Names.Any(n => n.Type == type);

    /// <summary>The JSON type name.</summary>
    public static string TypeName(MessageType type) =>
        Names.FirstOrDefault(n => n.Type == type).Name ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type.");

    /// <summary>Adds the message's fields to <paramref name="json"/>.</summary>
    public static void AddFields(JsonObject json, TxMessage message)
    {
        switch (message)
        {
            case CreateSession m:
                json["title"] = m.Title;
                json["format"] = m.Format;
                json["coOrganisers"] = Hashes(m.CoOrganisers);
                json["speakers"] = new JsonArray([.. m.Speakers.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["stakeholderGroup"] = s.StakeholderGroup,
                    ["region"] = s.Region,
                    ["member"] = s.Member?.ToString(),
                })]);
                json["agenda"] = Strings(m.Agenda);
                json["policyQuestions"] = Strings(m.PolicyQuestions);
                json["startMs"] = m.StartMs;
                json["endMs"] = m.EndMs;
                json["allowOnline"] = m.AllowOnline;
                break;
            case SetCheckInCode m:
                json["session"] = m.Session.ToString();
                json["codeCommitment"] = m.CodeCommitment.ToString();
                break;
            case CheckIn m:
                json["session"] = m.Session.ToString();
                json["mode"] = m.Mode == AttendanceMode.OnSite ? "on-site" : "online";
                json["code"] = m.Code;
                json["declaredGender"] = m.DeclaredGender?.ToString();
                break;
            case CreatePoll m:
                json["session"] = m.Session.ToString();
                json["question"] = m.Question;
                json["options"] = Strings(m.Options);
                json["method"] = PollMethods.Name(m.Method);
                break;
            case OpenPoll m:
                json["session"] = m.Session.ToString();
                json["poll"] = m.Poll;
                break;
            case ClosePoll m:
                json["session"] = m.Session.ToString();
                json["poll"] = m.Poll;
                break;
            case CastPollBallot m:
                json["session"] = m.Session.ToString();
                json["poll"] = m.Poll;
                json["ballot"] = Convert.ToHexStringLower(m.Ballot.Span);
                break;
            case RecordDissent m:
                json["session"] = m.Session.ToString();
                json["kind"] = m.Kind == DissentKind.Objection ? "objection" : "minority-view";
                json["subject"] = m.Subject;
                json["reason"] = m.Reason;
                break;
            case CreateWorkingGroup m:
                json["name"] = m.Name;
                json["charterHash"] = m.Charter.DocumentHash.ToString();
                json["charter"] = m.Charter.Markdown;
                json["sunsetMs"] = m.SunsetMs;
                break;
            case JoinWorkingGroup m:
                json["group"] = m.Group.ToString();
                break;
            case LeaveWorkingGroup m:
                json["group"] = m.Group.ToString();
                break;
            case AddWorkingGroupMember m:
                json["group"] = m.Group.ToString();
                json["member"] = m.Member.ToString();
                break;
            case AddDeliverable m:
                json["group"] = m.Group.ToString();
                json["proposal"] = m.Proposal.ToString();
                json["title"] = m.Title;
                break;
            case ConcludeWorkingGroup m:
                json["group"] = m.Group.ToString();
                break;
        }
    }

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "create-session" => new CreateSession(
            String(json, "title"),
            String(json, "format"),
            [.. HashList(json, "coOrganisers").Order()],
            [.. Array(json, "speakers").Select(s => new Speaker(String(s, "name"), String(s, "stakeholderGroup"), String(s, "region"), OptionalHash(s, "member")))],
            StringList(json, "agenda"),
            StringList(json, "policyQuestions"),
            UInt64(json, "startMs"),
            UInt64(json, "endMs"),
            Bool(json, "allowOnline")),
        "set-check-in-code" => new SetCheckInCode(Hash(json, "session"), Hash(json, "codeCommitment")),
        "check-in" => new CheckIn(
            Hash(json, "session"),
            String(json, "mode") switch
            {
                "on-site" => AttendanceMode.OnSite,
                "online" => AttendanceMode.Online,
                _ => throw new JsonFormException("Field 'mode' must be 'on-site' or 'online'."),
            },
            json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "",
            OptionalHash(json, "declaredGender")),
        "create-poll" => new CreatePoll(
            Hash(json, "session"),
            String(json, "question"),
            StringList(json, "options"),
            PollMethods.Parse(String(json, "method")) ?? throw new JsonFormException("Field 'method' must be majority, balanced, approval, balanced-approval, ranked or balanced-ranked.")),
        "open-poll" => new OpenPoll(Hash(json, "session"), Poll(json)),
        "close-poll" => new ClosePoll(Hash(json, "session"), Poll(json)),
        "cast-poll-ballot" => new CastPollBallot(Hash(json, "session"), Poll(json), HexBytes(json, "ballot")),
        "record-dissent" => new RecordDissent(
            Hash(json, "session"),
            String(json, "kind") switch
            {
                "objection" => DissentKind.Objection,
                "minority-view" => DissentKind.MinorityView,
                _ => throw new JsonFormException("Field 'kind' must be 'objection' or 'minority-view'."),
            },
            String(json, "subject"),
            String(json, "reason")),
        "create-working-group" => new CreateWorkingGroup(
            String(json, "name"),
            json.TryGetProperty("charter", out var charter) && charter.ValueKind == JsonValueKind.String ? Charter.Inline(charter.GetString()!) : Charter.External(Hash(json, "charterHash")),
            UInt64(json, "sunsetMs")),
        "join-working-group" => new JoinWorkingGroup(Hash(json, "group")),
        "leave-working-group" => new LeaveWorkingGroup(Hash(json, "group")),
        "add-working-group-member" => new AddWorkingGroupMember(Hash(json, "group"), Hash(json, "member")),
        "add-deliverable" => new AddDeliverable(Hash(json, "group"), Hash(json, "proposal"), String(json, "title")),
        "conclude-working-group" => new ConcludeWorkingGroup(Hash(json, "group")),
        _ => null,
    };

    private static bool Bool(JsonElement json, string name) =>
        Required(json, name).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new JsonFormException($"Field '{name}' must be true or false."),
        };

    private static uint Poll(JsonElement json) =>
        UInt64(json, "poll") is var poll and < PollRef.MaxPolls ? (uint)poll : throw new JsonFormException($"Field 'poll' must be below {PollRef.MaxPolls}.");

    private static byte[] HexBytes(JsonElement json, string name)
    {
        try
        {
            return Convert.FromHexString(String(json, name));
        }
        catch (FormatException)
        {
            throw new JsonFormException($"Field '{name}' must be hexadecimal.");
        }
    }
}
