using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.Json;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// The JSON body of POST /api/v1/disclosures:
/// <c>{"disclosures":[{"commitment":hex,"field":name,"value":text,"salt":hex}]}</c>.
/// </summary>
public static class DisclosureJson
{
    /// <summary>Most disclosures in one request (a profile's fields and a gender).</summary>
    public const int MaxDisclosures = 32;

    /// <summary>The body for <paramref name="disclosures"/>.</summary>
    public static JsonObject Write(IEnumerable<Disclosure> disclosures) => new()
    {
        ["disclosures"] = new JsonArray([.. disclosures.Select(d => (JsonNode)new JsonObject
        {
            ["commitment"] = d.Commitment.ToString(),
            ["field"] = d.Field,
            ["value"] = d.Value,
            ["salt"] = Convert.ToHexStringLower(d.Salt),
        })]),
    };

    /// <summary>Reads a body; <see cref="JsonFormException"/> names what is malformed.</summary>
    public static IReadOnlyList<(Hash256 Commitment, Disclosure Disclosure)> Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            throw new JsonFormException("The body is not JSON.");
        }

        using var parsed = document;
        var root = parsed.RootElement;
        JsonFields.RequireValidText(root);

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("The body must be an object with a 'disclosures' array.");
        }

        var items = Array(root, "disclosures").ToList();
        if (items.Count is 0 or > MaxDisclosures)
        {
            throw new JsonFormException($"Send 1 to {MaxDisclosures} disclosures.");
        }

        return [.. items.Select(ReadOne)];
    }

    private static (Hash256, Disclosure) ReadOne(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("Each disclosure is an object with commitment, field, value and salt.");
        }

        var value = String(item, "value");
        if (Encoding.UTF8.GetByteCount(value) > Disclosure.MaxValueBytes)
        {
            throw new JsonFormException($"A value is at most {Disclosure.MaxValueBytes} UTF-8 bytes.");
        }

        var salt = String(item, "salt");
        if (salt.Length != PersonalFieldCommitment.SaltBytes * 2 || !salt.All(char.IsAsciiHexDigit))
        {
            throw new JsonFormException($"Field 'salt' must be {PersonalFieldCommitment.SaltBytes * 2} hex characters.");
        }

        return (Hash(item, "commitment"), new Disclosure(String(item, "field"), value, Convert.FromHexString(salt)));
    }
}
