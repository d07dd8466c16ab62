using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Identities from trust services: the trust anchors in force.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/trust-anchors.</summary>
    public Task<JsonObject> TrustAnchorsAsync(CancellationToken ct) => GetAsync("api/v1/trust-anchors", ct);
}
