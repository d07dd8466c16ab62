using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary>Practice statements in plain language (the full record is in --json).</summary>
internal static class PracticeCliViews
{
    public static void List(CommandContext context, JsonArray statements)
    {
        if (statements.Count == 0)
        {
            context.Line("No statement matches.");
            return;
        }

        var table = Views.Table("statement", "organisation", "title", "legal basis", "stored in", "processed in", "status");
        foreach (var s in statements)
        {
            var body = s?["statement"];
            table.Row(Views.Short(s.OptionalString("id")), s?["organisation"].Display("name"), body.Display("title"), body.Display("legalBasis"), Join(body, "storedIn"), Join(body, "processedIn"), s.Display("status"));
        }

        context.Write(table);
    }

    public static void Statement(CommandContext context, JsonObject s)
    {
        var body = s["statement"];
        context.Line($"{s["organisation"].Display("name")} states how it handles data for \"{body.Display("title")}\".");
        context.Write(Views.Properties(
            ("data collected", Join(body, "dataCategories")),
            ("purpose", body.Display("purpose")),
            ("legal basis", body.Display("legalBasis")),
            ("kept for", body.Display("retention")),
            ("stored in", Join(body, "storedIn")),
            ("processed in", Join(body, "processedIn")),
            ("transfers", Transfers(body)),
            ("contact", body.Display("contact")),
            ("status", s.Display("status")),
            ("statement id", s.Display("id")),
            ("current version", s.Display("current"))));
        var versions = Views.Table("version", "number", "status", "published at height", "published");
        foreach (var v in s.Array("versionHistory"))
        {
            versions.Row(Views.Short(v.OptionalString("digest")), v.Display("number"), v.Display("status"), v.Display("publishedHeight"), v.Display("publishedAt"));
        }

        context.Write(versions);
        foreach (var c in s.Array("commentList"))
        {
            context.Line($"{c.Display("authorName")} on version {Views.Short(c.OptionalString("version"))}, {c.Display("time")}: {c.Display("text")}");
        }

        foreach (var d in s.Array("disputes"))
        {
            context.Line($"Dispute {Views.Short(d.OptionalString("dispute"))} about version {Views.Short(d.OptionalString("version"))}: {d.Display("status")}");
        }
    }

    private static string Join(JsonNode? node, string name) => string.Join(", ", node.Array(name).Select(n => n?.GetValue<string>()));

    private static string Transfers(JsonNode? body)
    {
        var transfers = body.Array("transfers");
        return transfers.Count == 0 ? "none" : string.Join("; ", transfers.Select(t => $"{t.Display("recipient")} in {t.Display("region")} ({t.Display("basis")})"));
    }
}
