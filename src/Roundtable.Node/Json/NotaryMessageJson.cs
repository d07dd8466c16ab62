using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of the notary messages (type tags 80–95); see <see cref="MessageJson"/>. Tags and
/// links may come in any order: they are sets, sorted into their canonical order when read.
/// </summary>
public static class NotaryMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.AnchorDocument, "anchor-document"),
        (MessageType.CosignAnchor, "cosign-anchor"),
        (MessageType.RevokeAnchor, "revoke-anchor"),
        (MessageType.SupersedeAnchor, "supersede-anchor"),
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
            case AnchorDocument m:
                json["digest"] = m.Digest.ToString();
                json["title"] = m.Metadata.Title;
                json["mediaType"] = m.Metadata.MediaType;
                json["sizeBytes"] = m.Metadata.SizeBytes;
                json["url"] = m.Metadata.Url;
                json["tags"] = Strings(m.Metadata.Tags);
                json["links"] = Links(m.Links);
                break;
            case CosignAnchor m:
                json["digest"] = m.Digest.ToString();
                break;
            case RevokeAnchor m:
                json["digest"] = m.Digest.ToString();
                json["reason"] = m.Reason;
                break;
            case SupersedeAnchor m:
                json["digest"] = m.Digest.ToString();
                json["replacement"] = m.Replacement.ToString();
                json["reason"] = m.Reason;
                break;
        }
    }

    /// <summary>Lineage links as <c>[{"relation": "new-version-of" | "derived-from", "parent": digest}]</c>.</summary>
    public static JsonArray Links(IEnumerable<LineageLink> links) =>
        new([.. links.Select(l => (JsonNode)new JsonObject { ["relation"] = LineageLink.Name(l.Relation), ["parent"] = l.Parent.ToString() })]);

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "anchor-document" => new AnchorDocument(
            Hash(json, "digest"),
            new AnchorMetadata(
                String(json, "title"),
                String(json, "mediaType"),
                UInt64(json, "sizeBytes"),
                json.TryGetProperty("url", out var url) && url.ValueKind != JsonValueKind.Null ? String(json, "url") : null,
                [.. StringList(json, "tags").Order(StringComparer.Ordinal)]),
            [.. Array(json, "links").Select(ReadLink).OrderBy(l => l.Parent)]),
        "cosign-anchor" => new CosignAnchor(Hash(json, "digest")),
        "revoke-anchor" => new RevokeAnchor(Hash(json, "digest"), String(json, "reason")),
        "supersede-anchor" => new SupersedeAnchor(Hash(json, "digest"), Hash(json, "replacement"), String(json, "reason")),
        _ => null,
    };

    private static LineageLink ReadLink(JsonElement link) => new(
        LineageLink.Parse(String(link, "relation")) ?? throw new JsonFormException("Field 'relation' must be 'new-version-of' or 'derived-from'."),
        Hash(link, "parent"));
}
