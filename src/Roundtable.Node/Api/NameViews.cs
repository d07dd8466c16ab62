using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Application.Names;
using Roundtable.Ledger.Names;
using Roundtable.Node.Dns;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>JSON views of co-governed zones, registered names and a node's DNS server.</summary>
public static class NameViews
{
    /// <summary>A zone's policy, its serial (the last height that changed it) and the state key that proves it.</summary>
    public static JsonObject Zone(ZonePolicy z, ZoneVersion version) => new()
    {
        ["origin"] = z.Origin,
        ["serial"] = ZoneProjection.Soa(z, version).Serial,
        ["changedAtHeight"] = version.ChangedAtHeight,
        ["stateKey"] = Encoding.ASCII.GetString(NameKeys.Zone(z.Origin)),
        ["contact"] = z.Contact,
        ["nameServers"] = new JsonArray([.. z.NameServers.Select(ns => (JsonNode)new JsonObject
        {
            ["host"] = ns.Host,
            ["address"] = ns.Address.Length == 0 ? null : new IPAddress(ns.Address).ToString(),
        })]),
        ["registrantGroups"] = Strings(z.RegistrantGroups),
        ["requireVerified"] = z.RequireVerified,
        ["minLabelLength"] = z.MinLabelLength,
        ["reservedLabels"] = Strings(z.ReservedLabels),
        ["registrationPeriodSeconds"] = z.RegistrationPeriodMs / 1000,
        ["gracePeriodSeconds"] = z.GracePeriodMs / 1000,
        ["maxRecordsPerName"] = z.MaxRecordsPerName,
        ["allowedTypes"] = Strings(z.AllowedTypes.Select(t => t.ToString())),
        ["allowWildcards"] = z.AllowWildcards,
        ["ttl"] = z.Ttl,
    };

    /// <summary>A registered name: holder, records as text, dates, whether it resolves at <paramref name="nowMs"/> (the last block's time).</summary>
    public static JsonObject Name(NameHolding n, ulong nowMs) => new()
    {
        ["name"] = n.FullName,
        ["zone"] = n.Zone,
        ["label"] = n.Label,
        ["stateKey"] = Encoding.ASCII.GetString(NameKeys.Name(n.Zone, n.Label)),
        ["holder"] = n.Holder.ToString(),
        ["resolves"] = n.IsLiveAt(nowMs),
        ["registeredAt"] = ApiViews.Time(n.RegisteredAtMs),
        ["expiresAt"] = ApiViews.Time(n.ExpiresAtMs),
        ["offeredTo"] = n.OfferedTo?.ToString(),
        ["suspendedUntil"] = n.IsSuspendedAt(nowMs) ? ApiViews.Time(n.SuspendedUntilMs) : null,
        ["changedAtHeight"] = n.ChangedAtHeight,
        ["records"] = NameMessageJson.Records(n.Records),
    };

    /// <summary>
    /// This node's DNS server: where it listens and what it serves now, or that it serves none; for
    /// each zone its serial and, when signed, the DNSKEY set (every operator's keys), the DS records a
    /// parent or a resolver's trust anchor needs, and the key tags this node signs with.
    /// </summary>
    public static JsonObject Server(DnsHost? host, IReadOnlyList<ZonePolicy> policies)
    {
        if (host is null)
        {
            return new JsonObject { ["enabled"] = false, ["address"] = null, ["zones"] = new JsonArray() };
        }

        var served = host.Engine.Zones;
        return new JsonObject
        {
            ["enabled"] = true,
            ["address"] = host.EndPoint.ToString(),
            ["protocols"] = Strings(["udp", "tcp"]),
            ["servedHeight"] = served.Height,
            ["zones"] = new JsonArray([.. served.Zones.OrderBy(z => z.Origin.ToString(), StringComparer.Ordinal).Select(z =>
            {
                var view = new JsonObject { ["origin"] = z.Origin.ToString(), ["serial"] = z.Soa.Serial, ["names"] = z.NameCount, ["signed"] = z.IsSigned };
                if (policies.FirstOrDefault(p => p.Origin == z.Origin.ToString()) is { SigningKeys.Count: > 0 } policy)
                {
                    var keys = OperatorKeys.Published(policy);
                    view["dnskeys"] = Strings(keys.Select(k => k.ToDnskeyText(policy.Origin)));
                    view["ds"] = Strings(keys.Select(k => k.ToDsText(policy.Origin)));
                    view["operators"] = new JsonArray([.. policy.SigningKeys.Zip(keys).Select(pair => (JsonNode)new JsonObject
                    {
                        ["operator"] = pair.First.Operator, ["keyTag"] = pair.Second.KeyTag, ["active"] = pair.First.Active,
                    })]);
                    view["signedWithKeyTags"] = new JsonArray([.. host.SigningKeyTags(policy).Select(t => (JsonNode)JsonValue.Create(t))]);
                }

                return (JsonNode)view;
            })]),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
