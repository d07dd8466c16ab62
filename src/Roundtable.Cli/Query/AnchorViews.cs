using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary>Anchors in plain language (the full record is in --json).</summary>
internal static class AnchorViews
{
    /// <summary>One anchor; <paramref name="fileSize"/> is the size of the file the user hashed, when they gave one.</summary>
    public static void Anchor(CommandContext context, JsonObject a, ulong? fileSize)
    {
        var author = a["author"];
        var endorsements = a.Array("endorsements");
        context.Line($"Document {a.Display("digest")} is anchored on this chain.");
        context.Write(Views.Properties(
            ("title", a.Display("title")),
            ("media type", a.Display("mediaType")),
            ("size", $"{a.Display("sizeBytes")} bytes"),
            ("url", a.Display("url")),
            ("tags", a.Array("tags").Count == 0 ? "-" : string.Join(", ", a.Array("tags").Select(t => t?.GetValue<string>()))),
            ("anchored by", $"member {a["author"].Display("member")} ({Signer(author)})"),
            ("anchored", $"at height {a.Display("anchoredHeight")}, {a.Display("anchoredAt")}"),
            ("co-signers", CosignersByGroup(endorsements)),
            ("status", Status(a)),
            ("lineage", Lineage(a.Array("links"))),
            ("state key", a.Display("stateKey"))));
        if (fileSize is { } size && a["sizeBytes"] is JsonValue declared && declared.TryGetValue<ulong>(out var anchoredSize) && anchoredSize != size)
        {
            context.Line($"Note: your file has {size} bytes; the author declared {anchoredSize}. The digest matches, so the content is the same; the declared size is wrong.");
        }

        if (endorsements.Count == 0)
        {
            return;
        }

        var table = Views.Table("co-signer", "group", "region", "verified then", "height", "time");
        foreach (var e in endorsements)
        {
            table.Row(Views.Short(e.OptionalString("member")), e.Display("stakeholderGroup"), e.Display("region"), e.Display("verified"), e.Display("height"), e.Display("time"));
        }

        context.Write(table);
    }

    /// <summary>A member's anchors with the member's role on each.</summary>
    public static void List(CommandContext context, JsonArray anchors)
    {
        if (anchors.Count == 0)
        {
            context.Line("This member has not anchored or co-signed any document.");
            return;
        }

        var table = Views.Table("digest", "role", "title", "status", "co-signers", "anchored at height");
        foreach (var a in anchors)
        {
            table.Row(Views.Short(a.OptionalString("digest")), a.Display("role"), a.Display("title"), a.Display("status"), a.Array("endorsements").Count.ToString(CultureInfo.InvariantCulture), a.Display("anchoredHeight"));
        }

        context.Write(table);
        context.Line($"{anchors.Count} anchor(s)");
    }

    private static string Signer(JsonNode? s) =>
        $"{s.Display("stakeholderGroup")}, {s.Display("region")}, {(s?["verified"] is JsonValue v && v.GetValue<bool>() ? "verified" : "not verified")} at the time";

    private static string CosignersByGroup(JsonArray endorsements) =>
        endorsements.Count == 0
            ? "none yet"
            : $"{endorsements.Count} (" + string.Join(", ", endorsements.GroupBy(e => e.Display("stakeholderGroup")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")) + ")";

    private static string Status(JsonObject a) => a.Display("status") switch
    {
        "revoked" => $"revoked {WithdrawnBy(a)} at height {a.Display("statusHeight")}: {a.Display("statusReason")}",
        "superseded" => $"superseded {WithdrawnBy(a)} at height {a.Display("statusHeight")} by {a.Display("replacement")}: {a.Display("statusReason")}",
        var status => status,
    };

    /// <summary>"by its author", or "by proposal ID" when an executed proposal withdrew the anchor.</summary>
    private static string WithdrawnBy(JsonObject a) =>
        a.OptionalString("withdrawingProposal") is { } proposal ? $"by proposal {proposal}" : "by its author";

    private static string Lineage(JsonArray links) =>
        links.Count == 0
            ? "-"
            : string.Join("; ", links.Select(l => $"{l.Display("relation").Replace('-', ' ')} {l.Display("parent")}"));
}
