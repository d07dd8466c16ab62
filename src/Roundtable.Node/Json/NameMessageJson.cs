using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Dns;
using Roundtable.Ledger.Names;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of the name messages (type tags 96–111); see <see cref="MessageJson"/>. A record
/// is <c>{"owner", "type" (A, MX, …), "ttl", "data"}</c> with the data in zone-file text
/// ("10 mail.example."; relative names are completed with the zone), written with absolute names,
/// and in RFC 3597's generic form (<c>\# 4 c0000201</c>) when the bytes do not decode as the type.
/// </summary>
public static class NameMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.RegisterName, "register-name"),
        (MessageType.UpdateName, "update-name"),
        (MessageType.TransferName, "transfer-name"),
        (MessageType.AcceptName, "accept-name"),
        (MessageType.RenewName, "renew-name"),
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
            case RegisterName m:
                AddName(json, m.Zone, m.Label);
                json["records"] = Records(m.Records);
                break;
            case UpdateName m:
                AddName(json, m.Zone, m.Label);
                json["records"] = Records(m.Records);
                break;
            case TransferName m:
                AddName(json, m.Zone, m.Label);
                json["recipient"] = m.Recipient.ToString();
                break;
            case AcceptName m:
                AddName(json, m.Zone, m.Label);
                break;
            case RenewName m:
                AddName(json, m.Zone, m.Label);
                break;
        }
    }

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "register-name" => new RegisterName(String(json, "zone"), String(json, "label"), ReadRecords(json, String(json, "zone"))),
        "update-name" => new UpdateName(String(json, "zone"), String(json, "label"), ReadRecords(json, String(json, "zone"))),
        "transfer-name" => new TransferName(String(json, "zone"), String(json, "label"), Hash(json, "recipient")),
        "accept-name" => new AcceptName(String(json, "zone"), String(json, "label")),
        "renew-name" => new RenewName(String(json, "zone"), String(json, "label")),
        _ => null,
    };

    private static void AddName(JsonObject json, string zone, string label)
    {
        json["zone"] = zone;
        json["label"] = label;
    }

    /// <summary>Records as JSON objects (also used by the API's name views).</summary>
    public static JsonArray Records(IEnumerable<NameRecord> records) => new([.. records.Select(r => (JsonNode)new JsonObject
    {
        ["owner"] = r.Owner,
        ["type"] = Enum.IsDefined(r.Type) ? r.Type.ToString() : ((ushort)r.Type).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ttl"] = r.Ttl,
        ["data"] = RecordText.Format((RecordType)(ushort)r.Type, r.Data),
    })]);

    private static NameRecord[] ReadRecords(JsonElement json, string zone) => [.. Array(json, "records").Select(r =>
    {
        var typeName = String(r, "type");
        var type = Enum.TryParse<DnsRecordType>(typeName, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(typeName[0])
            ? parsed
            : throw new JsonFormException($"Record type '{typeName}' is not one names may publish ({string.Join(", ", Enum.GetNames<DnsRecordType>())}).");
        var ttl = UInt64(r, "ttl");
        byte[] data;
        try
        {
            data = RecordText.ToWire((RecordType)(ushort)type, String(r, "data"), DomainNames.OriginProblem(zone) is null ? zone : ".");
        }
        catch (DnsZoneException e)
        {
            throw new JsonFormException($"Field 'data' of a {typeName} record: {e.Message}.");
        }

        return ttl > uint.MaxValue
            ? throw new JsonFormException("Field 'ttl' is too large.")
            : new NameRecord(String(r, "owner"), type, (uint)ttl, data);
    })];
}
