using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Data-practice register reads.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/practices with the filters given.</summary>
    public Task<JsonObject> PracticesAsync(string? region, string? legalBasis, string? category, bool includeWithdrawn, CancellationToken ct)
    {
        var query = new[] { ("region", region), ("legalBasis", legalBasis), ("category", category), ("includeWithdrawn", includeWithdrawn ? "true" : null) }
            .Where(p => p.Item2 is not null)
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!));
        return GetAsync("api/v1/practices?" + string.Join('&', query), ct);
    }

    /// <summary>GET /api/v1/practices/{digest}: a statement by its id or any version's digest.</summary>
    public Task<JsonObject> PracticeAsync(string digest, CancellationToken ct) => GetAsync("api/v1/practices/" + Uri.EscapeDataString(digest), ct);

    /// <summary>GET /api/v1/practices/export.csv or export.json, as text.</summary>
    public async Task<string> PracticeExportAsync(string format, CancellationToken ct) =>
        (await SendForTextAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/practices/export." + format), ct).ConfigureAwait(false)).Body;
}
