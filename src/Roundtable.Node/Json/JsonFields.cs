using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Json;

/// <summary>Typed reads of required JSON fields, each failure naming the field, and the arrays the message forms write.</summary>
internal static class JsonFields
{
    public static JsonElement Required(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new JsonFormException($"Field '{name}' is required.");

    public static string String(JsonElement obj, string name)
    {
        var value = Required(obj, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new JsonFormException($"Field '{name}' must be a string.");
    }

    /// <summary>
    /// Refuses a document holding a string or property name that is not Unicode text: an escaped
    /// lone surrogate ("\ud800") or invalid UTF-8 inside quotes. JsonDocument.Parse accepts both and
    /// System.Text.Json only complains (with InvalidOperationException) when the string is read, so
    /// readers call this first; afterwards every string reads, and every string has a UTF-8 encoding.
    /// </summary>
    /// <exception cref="JsonFormException">A string or name is not valid text; the message gives its path.</exception>
    public static void RequireValidText(JsonElement element, string path = "$")
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = property.Name;
                        RequireValidText(property.Value, path + "." + name);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        RequireValidText(item, $"{path}[{index++}]");
                    }

                    break;
            }
        }
        catch (InvalidOperationException)
        {
            throw new JsonFormException($"A string or name inside {path} is not valid Unicode text (a lone surrogate or invalid UTF-8).");
        }
    }

    public static ulong UInt64(JsonElement obj, string name)
    {
        var value = Required(obj, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n) ? n : throw new JsonFormException($"Field '{name}' must be a non-negative integer.");
    }

    public static Hash256 Hash(JsonElement obj, string name) =>
        Hash256.TryParse(String(obj, name), out var hash) ? hash : throw new JsonFormException($"Field '{name}' must be 64 hex characters.");

    public static Hash256? OptionalHash(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Hash(obj, name) : null;

    public static PublicKey Key(JsonElement obj, string name) =>
        PublicKey.TryParse(String(obj, name), out var key) && key is not null ? key : throw new JsonFormException($"Field '{name}' must be a public key (130 hex characters: tag 01, or 02 for a passkey, then X and Y).");

    public static PublicKey ValidatorKey(JsonElement obj, string name)
    {
        var key = Key(obj, name);
        return PublicKey.ConsensusKeyProblem(key) is { } problem ? throw new JsonFormException($"Field '{name}': {problem}") : key;
    }

    public static Signature Signature(JsonElement obj, string name)
    {
        var text = String(obj, name);
        try
        {
            var reader = new Core.Encoding.CanonicalReader(Convert.FromHexString(text));
            var signature = Core.Crypto.Signature.Decode(ref reader);
            reader.EnsureEnd();
            return signature;
        }
        catch (Exception e) when (e is FormatException or Core.Encoding.DecodeException)
        {
            throw new JsonFormException($"Field '{name}' must be a signature (hex of tag 01 and r‖s, or of a passkey's tag-02 assertion; low S): {e.Message}");
        }
    }

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name)
    {
        var value = Required(obj, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new JsonFormException($"Field '{name}' must be an array.");
    }

    public static Hash256[] HashList(JsonElement obj, string name) =>
        [.. Array(obj, name).Select(h => h.ValueKind == JsonValueKind.String && Hash256.TryParse(h.GetString(), out var id) ? id : throw new JsonFormException($"Each entry of '{name}' must be 64 hex characters."))];

    public static string[] StringList(JsonElement obj, string name) =>
        [.. Array(obj, name).Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new JsonFormException($"Each entry of '{name}' must be a string."))];

    public static JsonArray Hashes(IEnumerable<Hash256> hashes) => new([.. hashes.Select(h => (JsonNode)JsonValue.Create(h.ToString()))]);

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode)JsonValue.Create(s))]);
}
