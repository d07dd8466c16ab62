using System.Globalization;
using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Session and working-group reads.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/sessions?limit=N.</summary>
    public Task<JsonObject> SessionsAsync(int limit, CancellationToken ct) => GetAsync($"api/v1/sessions?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>GET /api/v1/sessions/{id}.</summary>
    public Task<JsonObject> SessionAsync(string id, CancellationToken ct) => GetAsync("api/v1/sessions/" + Uri.EscapeDataString(id), ct);

    /// <summary>GET /api/v1/sessions/{id}/report: the Markdown text.</summary>
    public async Task<string> SessionReportAsync(string id, CancellationToken ct) =>
        (await SendForTextAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/sessions/" + Uri.EscapeDataString(id) + "/report"), ct).ConfigureAwait(false)).Body;

    /// <summary>GET /api/v1/working-groups?limit=N.</summary>
    public Task<JsonObject> WorkingGroupsAsync(int limit, CancellationToken ct) => GetAsync($"api/v1/working-groups?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>GET /api/v1/working-groups/{id}.</summary>
    public Task<JsonObject> WorkingGroupAsync(string id, CancellationToken ct) => GetAsync("api/v1/working-groups/" + Uri.EscapeDataString(id), ct);
}
