using System.Text;
using System.Text.Json.Nodes;

namespace Roundtable.Fuzz;

/// <summary>
/// Structure-aware mutations of JSON requests: replace a value by a hostile token (wrong kinds,
/// huge numbers, lone surrogates, odd hex), drop, duplicate or rename fields. Byte-level mutations
/// almost always break the syntax; these reach the field readers behind the parser.
/// </summary>
internal static class JsonMutator
{
    private const string ValuePlaceholder = "\u0001fuzz-value\u0001";
    private const string KeyPlaceholder = "\u0001fuzz-key\u0001";

    private static readonly string[] FieldNames =
    [
        "type", "displayName", "stakeholderGroup", "region", "profile", "member", "newKey", "possession", "guardians",
        "threshold", "chainId", "sender", "sequence", "expiryHeight", "message", "signature", "encoded",
    ];

    private static readonly string[] ValueTokens =
    [
        "null", "true", "false", "0", "-1", "-0", "1.5", "1e400", "1E2", "255", "4294967295", "4294967296", "4294967297",
        "18446744073709551615", "18446744073709551616", "9223372036854775808", "\"\"", "\"x\"", "\"\\ud800\"",
        "\"\\udc00\\ud800\"", "\"a\\ud800b\"", "\"\\u0000\"", "\"\\uFEFF\"", "\"é\"", "[]", "{}", "[1]", "[null]", "[\"\\ud800\"]", "[{}]",
        "{\"a\":\"\\ud800\"}", "{\"\\ud800\":\"x\"}", "{\"b\":\"1\",\"a\":\"2\"}", "{\"a\":\"1\",\"a\":\"2\"}", "{\"A\":\"x\"}",
        "\"register-member\"", "\"attest-affiliation\"", "\"rotate-key\"", "\"set-guardians\"", "\"approve-recovery\"",
        "\"cancel-recovery\"", "\"revoke-key\"", "\"Register-Member\"", "\"test-chain\"", "\"Test-Chain\"",
        "\"" + new string('a', 65) + "\"", "\"" + new string('a', 101) + "\"", "\"" + new string('é', 60) + "\"",
        "\"" + new string('0', 64) + "\"", "\"" + new string('f', 64) + "\"", "\"" + new string('0', 63) + "\"", "\"" + new string('g', 64) + "\"",
        "\"01" + new string('0', 128) + "\"", "\"02" + new string('1', 128) + "\"", "\"01" + new string('F', 128) + "\"", "\"0" + new string('1', 128) + "\"",
        "\"01" + new string('7', 64) + "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550\"",
        "[\"" + new string('1', 64) + "\",\"" + new string('0', 64) + "\"]", "[\"" + new string('1', 64) + "\",\"" + new string('1', 64) + "\"]",
        new string('[', 70) + new string(']', 70), "\"" + new string('z', 5000) + "\"",
    ];

    /// <summary>Tokens for the byte-level dictionary mutation.</summary>
    public static IReadOnlyList<byte[]> Dictionary { get; } =
        [.. ValueTokens.Concat(FieldNames.Select(n => $"\"{n}\":")).Concat(["{", "}", "[", "]", ",", ":", "\"", "\\u", "\\ud800"]).Select(Encoding.UTF8.GetBytes)];

    /// <summary>A mutated copy of <paramref name="input"/>, or null when it is not JSON that <see cref="JsonNode"/> can edit.</summary>
    public static byte[]? Mutate(Random random, byte[] input)
    {
        try
        {
            return MutateTree(random, input);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Not editable as a tree (invalid JSON, duplicate names, lone surrogates): byte mutations take over.
            return null;
        }
    }

    private static byte[]? MutateTree(Random random, byte[] input)
    {
        var root = JsonNode.Parse(input);
        if (root is null)
        {
            return null;
        }

        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0 || random.Next(20) == 0)
        {
            return Encoding.UTF8.GetBytes(ValueTokens[random.Next(ValueTokens.Length)]);
        }

        var (parent, key, index) = slots[random.Next(slots.Count)];
        string? rawKey = null;
        string? rawValue = null;
        switch (random.Next(6))
        {
            case 0 or 1:
                Set(parent, key, index, JsonValue.Create(ValuePlaceholder));
                rawValue = ValueTokens[random.Next(ValueTokens.Length)];
                break;
            case 2:
                Remove(parent, key, index);
                break;
            case 3 when parent is JsonObject obj && key is not null:
                // A second property with the same name (JsonObject refuses duplicates, so it is patched into the text).
                obj[KeyPlaceholder] = obj[key]?.DeepClone();
                rawKey = key;
                break;
            case 4 when parent is JsonObject obj && key is not null:
                var value = obj[key]?.DeepClone();
                obj.Remove(key);
                obj[FieldNames[random.Next(FieldNames.Length)] + (random.Next(4) == 0 ? "x" : string.Empty)] = value;
                break;
            default:
                var donor = slots[random.Next(slots.Count)];
                Set(parent, key, index, Get(donor.Parent, donor.Key, donor.Index)?.DeepClone());
                break;
        }

        var text = root.ToJsonString();
        if (rawValue is not null)
        {
            text = text.Replace(Quoted(ValuePlaceholder), rawValue, StringComparison.Ordinal);
        }

        if (rawKey is not null)
        {
            text = text.Replace(Quoted(KeyPlaceholder), Quoted(rawKey), StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string Quoted(string value) => JsonValue.Create(value).ToJsonString();

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    slots.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) =>
        parent is JsonObject obj ? obj[key!] : ((JsonArray)parent)[index];

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else
        {
            ((JsonArray)parent).RemoveAt(index);
        }
    }
}
