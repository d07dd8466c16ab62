using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Api;

/// <summary>Typed reads of fields in node answers; a missing field means the node is not what we expect.</summary>
internal static class JsonRead
{
    public static string? OptionalString(this JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string String(this JsonNode? node, string name) =>
        node.OptionalString(name) ?? throw Missing(name);

    public static ulong UInt64(this JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<ulong>(out var n) ? n : throw Missing(name);

    public static bool Bool(this JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw Missing(name);

    /// <summary>A scalar field as display text ("-" when absent).</summary>
    public static string Display(this JsonNode? node, string name) => node?[name] switch
    {
        null => "-",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "yes" : "no",
        JsonValue v when v.TryGetValue<ulong>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        var other => other.ToJsonString(),
    };

    public static JsonArray Array(this JsonNode? node, string name) => node?[name] as JsonArray ?? [];

    private static CliException Missing(string name) =>
        new($"the node's answer lacks the field '{name}'; is it a Roundtable node of a matching version?", "bad-response");
}
