using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Identities;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of the identity messages (types 8 and 9); see <see cref="MessageJson"/>. DER
/// objects are standard base64, the body of a PEM block, so a certificate file's base64 lines
/// joined together can be pasted as they are.
/// </summary>
public static class IdentityMessageJson
{
    /// <summary>The JSON type name of an identity message type, or null.</summary>
    public static string? TypeName(MessageType type) => type switch
    {
        MessageType.AttestCertificate => "attest-certificate",
        MessageType.PostRevocationList => "post-revocation-list",
        _ => null,
    };

    /// <summary>Adds the message's fields to <paramref name="json"/>.</summary>
    public static void AddFields(JsonObject json, TxMessage message)
    {
        switch (message)
        {
            case AttestCertificate m:
                json["anchor"] = m.Anchor;
                json["organisation"] = m.Organisation;
                json["certificates"] = Strings(m.Certificates.Select(Convert.ToBase64String));
                break;
            case PostRevocationList m:
                json["anchor"] = m.Anchor;
                json["revocationList"] = Convert.ToBase64String(m.RevocationList);
                json["issuers"] = Strings(m.Issuers.Select(Convert.ToBase64String));
                break;
        }
    }

    /// <summary>Reads a message of type <paramref name="type"/>, or null when the name is not one of these messages.</summary>
    public static TxMessage? FromJson(string type, JsonElement json) => type switch
    {
        "attest-certificate" => new AttestCertificate(
            String(json, "anchor"),
            json.TryGetProperty("organisation", out var organisation) && organisation.ValueKind != JsonValueKind.Null ? String(json, "organisation") : string.Empty,
            DerList(json, "certificates")),
        "post-revocation-list" => new PostRevocationList(String(json, "anchor"), Der(String(json, "revocationList"), "revocationList"), DerList(json, "issuers")),
        _ => null,
    };

    private static byte[][] DerList(JsonElement json, string name) =>
        json.TryGetProperty(name, out var list) && list.ValueKind != JsonValueKind.Null
            ? [.. Array(json, name).Select(e => Der(e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new JsonFormException($"Each of '{name}' must be a base64 string."), name))]
            : [];

    private static byte[] Der(string base64, string name)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new JsonFormException($"Field '{name}' must be standard base64 (the body of a PEM block).");
        }
    }
}
