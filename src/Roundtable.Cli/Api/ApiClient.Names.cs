using System.Globalization;
using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Zones, names and the node's DNS server.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/names/{name}.</summary>
    public Task<JsonObject> NameAsync(string name, CancellationToken ct) => GetAsync("api/v1/names/" + Uri.EscapeDataString(name), ct);

    /// <summary>GET /api/v1/zones/{origin}.</summary>
    public Task<JsonObject> ZoneAsync(string origin, CancellationToken ct) => GetAsync("api/v1/zones/" + Uri.EscapeDataString(origin), ct);

    /// <summary>GET /api/v1/zones/{origin}/names?limit=N.</summary>
    public Task<JsonObject> ZoneNamesAsync(string origin, int limit, CancellationToken ct) =>
        GetAsync($"api/v1/zones/{Uri.EscapeDataString(origin)}/names?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>GET /api/v1/zones.</summary>
    public Task<JsonObject> ZonesAsync(CancellationToken ct) => GetAsync("api/v1/zones", ct);

    /// <summary>GET /api/v1/dns.</summary>
    public Task<JsonObject> DnsAsync(CancellationToken ct) => GetAsync("api/v1/dns", ct);
}
