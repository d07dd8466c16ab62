using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Disputes: the list, one dispute, its draw, a block header to check the seed against.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/disputes.</summary>
    public Task<JsonObject> DisputesAsync(CancellationToken ct) => GetAsync("api/v1/disputes", ct);

    /// <summary>GET /api/v1/disputes/{id}.</summary>
    public Task<JsonObject> DisputeAsync(string id, CancellationToken ct) => GetAsync("api/v1/disputes/" + Uri.EscapeDataString(id), ct);

    /// <summary>GET /api/v1/disputes/{id}/draw.</summary>
    public Task<JsonObject> DisputeDrawAsync(string id, CancellationToken ct) => GetAsync("api/v1/disputes/" + Uri.EscapeDataString(id) + "/draw", ct);

    /// <summary>GET /api/v1/blocks/{height}.</summary>
    public Task<JsonObject> BlockAsync(ulong height, CancellationToken ct) => GetAsync("api/v1/blocks/" + height.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
}
