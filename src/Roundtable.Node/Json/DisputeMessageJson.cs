using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Disputes;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of the dispute messages (type tags 112–127); see <see cref="MessageJson"/>. A
/// subject is <c>{"kind": "name", "zone", "label"}</c> or <c>{"kind": "anchor" | "member" |
/// "decision", "id"}</c>; a remedy is <c>{"kind": "transfer-name", "recipient"}</c>,
/// <c>{"kind": "suspend-name" | "suspend-voting", "durationMs"}</c>, or just its kind.
/// </summary>
public static class DisputeMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.VolunteerAsArbitrator, "volunteer-as-arbitrator"),
        (MessageType.FileDispute, "file-dispute"),
        (MessageType.DeclareConflict, "declare-conflict"),
        (MessageType.SubmitStatement, "submit-statement"),
        (MessageType.DecideDispute, "decide-dispute"),
        (MessageType.AppealDecision, "appeal-decision"),
        (MessageType.ExecuteRemedy, "execute-remedy"),
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
            case VolunteerAsArbitrator m:
                json["serving"] = m.Serving;
                break;
            case FileDispute m:
                json["subject"] = Subject(m.Subject);
                json["claim"] = m.Claim;
                json["evidence"] = Hashes(m.Evidence);
                break;
            case DeclareConflict m:
                json["dispute"] = m.Dispute.ToString();
                break;
            case SubmitStatement m:
                json["dispute"] = m.Dispute.ToString();
                json["text"] = m.Text;
                json["evidence"] = Hashes(m.Evidence);
                break;
            case DecideDispute m:
                json["dispute"] = m.Dispute.ToString();
                json["remedy"] = Remedy(m.Remedy);
                json["rationale"] = m.Rationale;
                json["signatures"] = new JsonArray([.. m.Signatures.Select(s => (JsonNode)new JsonObject
                {
                    ["key"] = s.Key.ToString(),
                    ["signature"] = Convert.ToHexStringLower(s.Signature.Encoded),
                })]);
                break;
            case AppealDecision m:
                json["dispute"] = m.Dispute.ToString();
                json["reason"] = m.Reason;
                break;
            case ExecuteRemedy m:
                json["dispute"] = m.Dispute.ToString();
                break;
        }
    }

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "volunteer-as-arbitrator" => new VolunteerAsArbitrator(Required(json, "serving").ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new JsonFormException("Field 'serving' must be true or false."),
        }),
        "file-dispute" => new FileDispute(ReadSubject(Required(json, "subject")), String(json, "claim"), Evidence(json)),
        "declare-conflict" => new DeclareConflict(Hash(json, "dispute")),
        "submit-statement" => new SubmitStatement(Hash(json, "dispute"), String(json, "text"), Evidence(json)),
        "decide-dispute" => new DecideDispute(
            Hash(json, "dispute"), ReadRemedy(Required(json, "remedy")), String(json, "rationale"),
            [.. Array(json, "signatures").Select(s => new PanelSignature(Key(s, "key"), Signature(s, "signature")))]),
        "appeal-decision" => new AppealDecision(Hash(json, "dispute"), String(json, "reason")),
        "execute-remedy" => new ExecuteRemedy(Hash(json, "dispute")),
        _ => null,
    };

    /// <summary>A subject as JSON (also used by the API's dispute views).</summary>
    public static JsonObject Subject(DisputeSubject subject) => subject.Kind == DisputeSubjectKind.Name
        ? new JsonObject { ["kind"] = "name", ["zone"] = subject.Zone, ["label"] = subject.Label }
        : new JsonObject { ["kind"] = SubjectKindName(subject.Kind), ["id"] = subject.Id.ToString() };

    /// <summary>A remedy as JSON (also used by the API's dispute views).</summary>
    public static JsonObject Remedy(Remedy remedy)
    {
        var json = new JsonObject { ["kind"] = Ledger.Messages.Disputes.Remedy.NameOf(remedy.Kind) };
        if (remedy.Kind == RemedyKind.TransferName)
        {
            json["recipient"] = remedy.Recipient.ToString();
        }
        else if (remedy.IsSuspension)
        {
            json["durationMs"] = remedy.DurationMs;
        }

        return json;
    }

    /// <summary>Reads a subject from its JSON form.</summary>
    public static DisputeSubject ReadSubject(JsonElement json) => String(json, "kind") switch
    {
        "name" => DisputeSubject.OfName(String(json, "zone"), String(json, "label")),
        "anchor" => DisputeSubject.OfAnchor(Hash(json, "id")),
        "member" => DisputeSubject.OfMember(Hash(json, "id")),
        "decision" => DisputeSubject.OfDecision(Hash(json, "id")),
        var kind => throw new JsonFormException($"Unknown dispute subject kind '{kind}' (name, anchor, member, decision)."),
    };

    /// <summary>Reads a remedy from its JSON form.</summary>
    public static Remedy ReadRemedy(JsonElement json)
    {
        var name = String(json, "kind");
        return Ledger.Messages.Disputes.Remedy.Parse(name) switch
        {
            RemedyKind.TransferName => Ledger.Messages.Disputes.Remedy.Transfer(Hash(json, "recipient")),
            RemedyKind.SuspendName or RemedyKind.SuspendVoting when UInt64(json, "durationMs") is var ms and > 0 =>
                Ledger.Messages.Disputes.Remedy.Suspend(Ledger.Messages.Disputes.Remedy.Parse(name)!.Value, ms),
            RemedyKind.SuspendName or RemedyKind.SuspendVoting => throw new JsonFormException("A suspension's 'durationMs' is at least 1."),
            RemedyKind.RevokeAnchor => Ledger.Messages.Disputes.Remedy.Revoke,
            RemedyKind.OrderNothing => Ledger.Messages.Disputes.Remedy.Nothing,
            _ => throw new JsonFormException($"Unknown remedy '{name}' (order-nothing, transfer-name, suspend-name, revoke-anchor, suspend-voting)."),
        };
    }

    /// <summary>The JSON name of a subject kind.</summary>
    public static string SubjectKindName(DisputeSubjectKind kind) => kind switch
    {
        DisputeSubjectKind.Name => "name",
        DisputeSubjectKind.Anchor => "anchor",
        DisputeSubjectKind.Member => "member",
        _ => "decision",
    };

    private static Hash256[] Evidence(JsonElement json) =>
        json.TryGetProperty("evidence", out _) ? [.. HashList(json, "evidence").Distinct().Order()] : [];
}
