using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of the data-practice register's messages (type tags 128–143); see
/// <see cref="MessageJson"/>. A statement is an object with <c>title</c>, <c>dataCategories</c>,
/// <c>purpose</c>, <c>legalBasis</c>, <c>retention</c>, <c>storedIn</c>, <c>processedIn</c>,
/// <c>transfers</c> (<c>[{"region", "recipient", "basis"}]</c>, may be left out when there are none)
/// and <c>contact</c>. Lists are sets: they may come in any order and are sorted when read.
/// </summary>
public static class PracticeMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.PublishPracticeStatement, "publish-practice-statement"),
        (MessageType.RevisePracticeStatement, "revise-practice-statement"),
        (MessageType.CommentOnPracticeStatement, "comment-on-practice-statement"),
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
            case PublishPracticeStatement m:
                json["statement"] = Statement(m.Statement);
                break;
            case RevisePracticeStatement m:
                json["previous"] = m.Previous.ToString();
                json["statement"] = Statement(m.Statement);
                json["reason"] = m.Reason;
                break;
            case CommentOnPracticeStatement m:
                json["version"] = m.Version.ToString();
                json["text"] = m.Text;
                break;
        }
    }

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "publish-practice-statement" => new PublishPracticeStatement(ReadStatement(Required(json, "statement"))),
        "revise-practice-statement" => new RevisePracticeStatement(Hash(json, "previous"), ReadStatement(Required(json, "statement")), String(json, "reason")),
        "comment-on-practice-statement" => new CommentOnPracticeStatement(Hash(json, "version"), String(json, "text")),
        _ => null,
    };

    /// <summary>A statement as JSON (also the API's view of a version and the CLI's statement file).</summary>
    public static JsonObject Statement(PracticeStatement s) => new()
    {
        ["title"] = s.Title,
        ["dataCategories"] = Strings(s.DataCategories),
        ["purpose"] = s.Purpose,
        ["legalBasis"] = s.LegalBasis,
        ["retention"] = s.Retention,
        ["storedIn"] = Strings(s.StoredIn),
        ["processedIn"] = Strings(s.ProcessedIn),
        ["transfers"] = new JsonArray([.. s.Transfers.Select(t => (JsonNode)new JsonObject { ["region"] = t.Region, ["recipient"] = t.Recipient, ["basis"] = t.Basis })]),
        ["contact"] = s.Contact,
    };

    /// <summary>Reads a statement object; <see cref="JsonFormException"/> names the field that is wrong.</summary>
    public static PracticeStatement ReadStatement(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("Field 'statement' must be an object.");
        }

        RequireValidText(json);
        return new PracticeStatement(
            String(json, "title"),
            Set(json, "dataCategories"),
            String(json, "purpose"),
            String(json, "legalBasis"),
            String(json, "retention"),
            Set(json, "storedIn"),
            Set(json, "processedIn"),
            json.TryGetProperty("transfers", out var transfers) && transfers.ValueKind != JsonValueKind.Null
                ? [.. Array(json, "transfers").Select(t => new DataTransfer(String(t, "region"), String(t, "recipient"), String(t, "basis"))).Order(Comparer<DataTransfer>.Create(DataTransfer.Compare))]
                : [],
            String(json, "contact"));
    }

    private static string[] Set(JsonElement json, string name) => [.. StringList(json, name).Order(StringComparer.Ordinal)];
}
