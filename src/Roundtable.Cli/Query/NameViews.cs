using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary>Zones, names and DNS servers in plain language (the full records are in --json).</summary>
internal static class NameViews
{
    public static void Name(CommandContext context, JsonObject n)
    {
        context.Line(n.Bool("resolves") ? $"{n.Display("name")} is registered and resolves." : $"{n.Display("name")} is registered but does not resolve (expired; its holder may renew it during the grace period).");
        context.Write(Views.Properties(
            ("holder", $"member {n.Display("holder")}"),
            ("registered", n.Display("registeredAt")),
            ("expires", n.Display("expiresAt")),
            ("offered to", n.OptionalString("offeredTo") is { } to ? "member " + to : "-"),
            ("last changed", $"at height {n.Display("changedAtHeight")}"),
            ("state key", n.Display("stateKey"))));
        Records(context, n.Array("records"), n.String("label"));
    }

    public static void Zones(CommandContext context, JsonObject answer)
    {
        var table = Views.Table("zone", "serial", "who may register", "period (days)", "name servers");
        foreach (var z in answer.Array("zones"))
        {
            table.Row(z.Display("origin"), z.Display("serial"), Registrants(z), Days(z, "registrationPeriodSeconds"), z.Array("nameServers").Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        context.Write(table);
    }

    public static void Zone(CommandContext context, JsonObject z, JsonArray names)
    {
        context.Write(Views.Properties(
            ("zone", z.Display("origin")),
            ("serial", $"{z.Display("serial")} (the last height that changed it)"),
            ("who may register", Registrants(z)),
            ("registration", $"{Days(z, "registrationPeriodSeconds")} days, then {Days(z, "gracePeriodSeconds")} days of grace"),
            ("records", $"{string.Join(", ", z.Array("allowedTypes").Select(t => t?.GetValue<string>()))}; at most {z.Display("maxRecordsPerName")} per name"),
            ("reserved", string.Join(", ", z.Array("reservedLabels").Select(t => t?.GetValue<string>()))),
            ("name servers", string.Join(", ", z.Array("nameServers").Select(ns => ns.Display("host"))))));
        var table = Views.Table("name", "holder", "expires", "resolves", "records");
        foreach (var n in names)
        {
            table.Row(n.Display("name"), Views.Short(n.OptionalString("holder")), n.Display("expiresAt"), n.Bool("resolves") ? "yes" : "no", n.Array("records").Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        context.Write(table);
    }

    public static void Server(CommandContext context, JsonObject dns)
    {
        if (!dns.Bool("enabled"))
        {
            context.Line("This node runs no DNS server (set dnsListen in its config/node.json).");
            return;
        }

        var address = dns.String("address");
        var colon = address.LastIndexOf(':');
        context.Line($"DNS on {address} (UDP and TCP), serving height {dns.Display("servedHeight")}. Ask it: dig @{address[..colon].Trim('[', ']')} -p {address[(colon + 1)..]} NAME");
        var table = Views.Table("zone", "serial", "names");
        foreach (var z in dns.Array("zones"))
        {
            table.Row(z.Display("origin"), z.Display("serial"), z.Display("names"));
        }

        context.Write(table);
    }

    private static void Records(CommandContext context, JsonArray records, string label)
    {
        var table = Views.Table("owner", "ttl", "type", "data");
        foreach (var r in records)
        {
            var owner = r.String("owner");
            table.Row(owner.Length == 0 ? label : owner + "." + label, r.Display("ttl"), r.Display("type"), r.Display("data"));
        }

        context.Write(table);
    }

    private static string Registrants(JsonNode? z)
    {
        var groups = z.Array("registrantGroups").Select(g => g?.GetValue<string>()).ToList();
        var who = groups.Count == 0 ? "members of every group" : "members of " + string.Join(", ", groups);
        return z.Bool("requireVerified") ? "verified " + who : who;
    }

    private static string Days(JsonNode? z, string field) => (z.UInt64(field) / 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
