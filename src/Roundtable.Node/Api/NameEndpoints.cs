using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application;
using Roundtable.Ledger.Names;
using Roundtable.Node.Dns;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Co-governed zones, their names, and this node's DNS server. All read committed state.</summary>
internal static class NameEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain, DnsHost? dns)
    {
        api.MapGet("/dns", () => Results.Json(NameViews.Server(dns, chain.Query(app => app.ListZones()))))
            .WithName("GetDns").WithSummary("This node's authoritative DNS server: its address (UDP and TCP), the height it serves, each zone's serial and, for signed zones, the DNSKEY set, the DS records and the key tags this node signs with.");

        api.MapGet("/zones", () => Results.Json(chain.Query(app => new JsonObject
            {
                ["zones"] = new JsonArray([.. app.ListZones().Select(z => (JsonNode)NameViews.Zone(z, app.GetZoneVersion(z.Origin)))]),
            })))
            .WithName("ListZones").WithSummary("Every co-governed zone with its registration policy and serial.");

        api.MapGet("/zones/{origin}", (string origin) =>
        {
            var absolute = Absolute(origin);
            var view = chain.Query(app => app.ListZones().FirstOrDefault(z => z.Origin == absolute) is { } zone ? NameViews.Zone(zone, app.GetZoneVersion(zone.Origin)) : null);
            return view is null ? ApiProblem.Unknown("zone", absolute) : Results.Json(view);
        }).WithName("GetZone").WithSummary("One zone's policy and serial.");

        api.MapGet("/zones/{origin}/names", (string origin, int? limit) =>
        {
            var absolute = Absolute(origin);
            var views = chain.Query(app => app.ListZones().Any(z => z.Origin == absolute)
                ? new JsonObject
                {
                    ["zone"] = absolute,
                    ["names"] = new JsonArray([.. app.ListNames(absolute, Math.Clamp(limit ?? 100, 1, 1000)).Select(n => (JsonNode)NameViews.Name(n, app.LastBlockTimeMs))]),
                }
                : null);
            return views is null ? ApiProblem.Unknown("zone", absolute) : Results.Json(views);
        }).WithName("ListZoneNames").WithSummary("A zone's registered names in label order, live or not (limit 1–1,000, default 100).");

        api.MapGet("/names/{name}", (string name) =>
        {
            var absolute = Absolute(name.ToLowerInvariant());
            var view = chain.Query(app => Find(app, absolute) is { } holding ? NameViews.Name(holding, app.LastBlockTimeMs) : null);
            return view is null ? ApiProblem.Unknown("name", absolute) : Results.Json(view);
        }).WithName("GetName").WithSummary("A registered name (alice.forum.internal.): holder, records, expiry, whether it resolves.");
    }

    private static string Absolute(string name) => name.EndsWith('.') ? name : name + ".";

    private static Application.Names.NameHolding? Find(LedgerApplication app, string fullName)
    {
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || DomainNames.OriginProblem(fullName) is not null)
        {
            return null;
        }

        return app.GetName(fullName[(dot + 1)..], fullName[..dot]);
    }
}
