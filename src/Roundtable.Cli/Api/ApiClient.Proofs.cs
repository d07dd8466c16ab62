using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Proof bundles and light blocks: binary answers.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET a proof bundle (canonical bytes) from <c>api/v1/proofs/…</c>.</summary>
    public async Task<byte[]> ProofBundleAsync(string pathAndQuery, CancellationToken ct) =>
        (await SendForBodyAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/proofs/" + pathAndQuery), static (c, t) => c.ReadAsByteArrayAsync(t), ct).ConfigureAwait(false)).Body;

    /// <summary>GET /api/v1/light/{height}: a light block's canonical bytes.</summary>
    public async Task<byte[]> LightBlockAsync(ulong height, CancellationToken ct) =>
        (await SendForBodyAsync(
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/light/" + height.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            static (c, t) => c.ReadAsByteArrayAsync(t),
            ct).ConfigureAwait(false)).Body;

    /// <summary>GET /api/v1/proofs/genesis: the genesis trust anchor.</summary>
    public Task<JsonObject> GenesisAnchorAsync(CancellationToken ct) => GetAsync("api/v1/proofs/genesis", ct);
}
