using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary>Human views of node answers (full values are always available with --json).</summary>
internal static class QueryViews
{
    public static void Block(CommandContext context, JsonObject block)
    {
        var header = block["header"];
        var txs = block.Array("transactions");
        context.Write(Views.Properties(
            ("height", block.Display("height")),
            ("block id", block.Display("id")),
            ("time", header.Display("time")),
            ("chain id", header.Display("chainId")),
            ("previous block", header.Display("previousBlockId")),
            ("proposer", header.Display("proposer")),
            ("state root", header.Display("stateRoot")),
            ("tx root", header.Display("txRoot")),
            ("transactions", txs.Count.ToString(CultureInfo.InvariantCulture)),
            ("signatures", block["commit"].Array("signatures").Count.ToString(CultureInfo.InvariantCulture))));
        if (txs.Count == 0)
        {
            return;
        }

        var table = Views.Table("#", "hash", "type", "sender", "result");
        for (var i = 0; i < txs.Count; i++)
        {
            var tx = txs[i];
            table.Row(i.ToString(CultureInfo.InvariantCulture), Views.Short(tx.OptionalString("hash")), tx?["message"].Display("type"), Views.Short(tx.OptionalString("senderId")), ResultText(tx?["result"]));
        }

        context.Write(table);
    }

    public static void Transaction(CommandContext context, JsonObject tx)
    {
        var body = tx["transaction"];
        context.Write(Views.Properties(
            ("hash", tx.Display("hash")),
            ("status", tx.Display("status")),
            ("height", tx.Display("height")),
            ("index", tx.Display("index")),
            ("type", body?["message"].Display("type")),
            ("sender", body.Display("senderId")),
            ("sequence", body.Display("sequence")),
            ("result", tx["result"] is null ? "-" : ResultText(tx["result"]))));
    }

    public static void Member(CommandContext context, JsonObject member)
    {
        var profile = member["profile"] as JsonObject;
        var guardians = member.Array("guardians");
        context.Write(Views.Properties(
            ("id", member.Display("id")),
            ("name", member.Display("displayName")),
            ("stakeholder group", member.Display("stakeholderGroup")),
            ("region", member.Display("region")),
            ("status", member.Display("status")),
            ("verified", member.Display("verified")),
            ("certificate", member["certifiedAffiliation"] is JsonObject certified ? certified.Display("summary") : "-"),
            ("attestations", member.Array("attestations").Count.ToString(CultureInfo.InvariantCulture)),
            ("guardians", guardians.Count == 0 ? "none" : $"{member.Display("guardianThreshold")} of {guardians.Count}"),
            ("registered at height", member.Display("registeredAtHeight")),
            ("public key", member.Display("publicKey")),
            ("profile", profile is null || profile.Count == 0 ? "-" : string.Join(", ", profile.Select(p => ProfileField(p.Key, p.Value as JsonObject))))));
    }

    /// <summary>A personal field in words: its value while this node holds it, else why not (docs/personal-data.md §5).</summary>
    private static string ProfileField(string name, JsonObject? field) => field?["value"] is { } value
        ? $"{name}={value}"
        : $"{name} ({field?.Display("status") ?? "not available"})";

    public static void Members(CommandContext context, JsonArray members)
    {
        if (members.Count == 0)
        {
            context.Line("No members yet. Register with: roundtable tx register --key NAME --name ... --group ... --region ...");
            return;
        }

        var table = Views.Table("id", "name", "group", "region", "verified", "status");
        foreach (var m in members)
        {
            table.Row(Views.Short(m.OptionalString("id")), m.Display("displayName"), m.Display("stakeholderGroup"), m.Display("region"), m.Display("verified"), m.Display("status"));
        }

        context.Write(table);
        context.Line($"{members.Count} member(s)");
    }

    private static string ResultText(JsonNode? result) =>
        result is null ? "-" : result.Bool("ok") ? "ok" : $"{result.Display("code")}: {result.Display("reason")}";
}
