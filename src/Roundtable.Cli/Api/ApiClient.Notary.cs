using System.Globalization;
using System.Text.Json.Nodes;

namespace Roundtable.Cli.Api;

/// <summary>Notary reads.</summary>
internal sealed partial class ApiClient
{
    /// <summary>GET /api/v1/anchors/{digest}.</summary>
    public Task<JsonObject> AnchorAsync(string digest, CancellationToken ct) => GetAsync("api/v1/anchors/" + Uri.EscapeDataString(digest), ct);

    /// <summary>GET /api/v1/members/{id}/anchors?limit=N.</summary>
    public Task<JsonObject> MemberAnchorsAsync(string member, int limit, CancellationToken ct) =>
        GetAsync($"api/v1/members/{Uri.EscapeDataString(member)}/anchors?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);
}
