using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Api;

/// <summary>
/// The node's HTTP API, and nothing else: every request the CLI makes goes through here, every
/// error comes back as an <see cref="ApiException"/> (the node's problem details) or a
/// <see cref="CliException"/> (the node could not be reached).
/// </summary>
internal sealed partial class ApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http;

    public ApiClient(string nodeUrl)
    {
        if (!Uri.TryCreate(nodeUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--node '{nodeUrl}' is not an http(s) URL, for example {Paths.DefaultNodeUrl}.", "invalid-argument");
        }

        NodeUrl = nodeUrl.TrimEnd('/');
        _http = new HttpClient { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("roundtable-cli", "1"));
    }

    /// <summary>The node's base URL as given.</summary>
    public string NodeUrl { get; }

    /// <summary>GET /api/v1/status.</summary>
    public Task<JsonObject> StatusAsync(CancellationToken ct) => GetAsync("api/v1/status", ct);

    /// <summary>GET /api/v1/accounts/{publicKey}.</summary>
    public Task<JsonObject> AccountAsync(string publicKey, CancellationToken ct) => GetAsync("api/v1/accounts/" + Uri.EscapeDataString(publicKey), ct);

    /// <summary>GET /api/v1/txs/{hash}.</summary>
    public Task<JsonObject> TransactionAsync(string hash, CancellationToken ct) => GetAsync("api/v1/txs/" + Uri.EscapeDataString(hash), ct);

    /// <summary>GET /api/v1/blocks/{height|latest}.</summary>
    public Task<JsonObject> BlockAsync(string height, CancellationToken ct) => GetAsync("api/v1/blocks/" + Uri.EscapeDataString(height), ct);

    /// <summary>GET /api/v1/members/{id}.</summary>
    public Task<JsonObject> MemberAsync(string id, CancellationToken ct) => GetAsync("api/v1/members/" + Uri.EscapeDataString(id), ct);

    /// <summary>GET /api/v1/members?limit=N.</summary>
    public Task<JsonObject> MembersAsync(int limit, CancellationToken ct) => GetAsync($"api/v1/members?limit={limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ct);

    /// <summary>GET /api/v1/power.</summary>
    public Task<JsonObject> PowerAsync(CancellationToken ct) => GetAsync("api/v1/power", ct);

    /// <summary>GET /api/v1/validators/accountability: validators the equivocation rule acted on.</summary>
    public Task<JsonObject> AccountabilityAsync(CancellationToken ct) => GetAsync("api/v1/validators/accountability", ct);

    /// <summary>GET /api/v1/proposals?limit=.</summary>
    public Task<JsonObject> ProposalsAsync(int limit, CancellationToken ct) => GetAsync($"api/v1/proposals?limit={limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ct);

    /// <summary>GET /api/v1/proposals/{id}.</summary>
    public Task<JsonObject> ProposalAsync(string id, CancellationToken ct) => GetAsync("api/v1/proposals/" + Uri.EscapeDataString(id), ct);

    /// <summary>GET /api/v1/state/proof?key=K.</summary>
    public Task<JsonObject> ProofAsync(string stateKey, CancellationToken ct) => GetAsync("api/v1/state/proof?key=" + Uri.EscapeDataString(stateKey), ct);

    /// <summary>POST /api/v1/txs with canonical bytes; returns the node's answer (hash, status).</summary>
    public async Task<JsonObject> SubmitAsync(byte[] encodedTransaction, CancellationToken ct)
    {
        using var content = new ByteArrayContent(encodedTransaction);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/txs") { Content = content }, ct).ConfigureAwait(false);
    }

    /// <summary>POST /api/v1/disclosures: personal values beside the committed transaction that carries their commitments.</summary>
    public async Task<JsonObject> DiscloseAsync(JsonObject body, CancellationToken ct)
    {
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        return await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/disclosures") { Content = content }, ct).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private Task<JsonObject> GetAsync(string path, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), ct);

    private async Task<JsonObject> SendAsync(Func<HttpRequestMessage> create, CancellationToken ct)
    {
        var (uri, body) = await SendForTextAsync(create, ct).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new CliException($"{NodeUrl} answered {uri} with something other than a JSON object; is it a Roundtable node?", "bad-response");
        }
        catch (JsonException e)
        {
            throw new CliException($"{NodeUrl} answered with invalid JSON ({e.Message}); is it a Roundtable node?", "bad-response", e);
        }
    }

    /// <summary>Sends the request and returns the body of a success answer as text; failures become the usual exceptions.</summary>
    private Task<(Uri? Uri, string Body)> SendForTextAsync(Func<HttpRequestMessage> create, CancellationToken ct) =>
        SendForBodyAsync(create, static (content, token) => content.ReadAsStringAsync(token), ct);

    /// <summary>Sends the request and reads the body of a success answer with <paramref name="read"/>; failures become the usual exceptions.</summary>
    private async Task<(Uri? Uri, T Body)> SendForBodyAsync<T>(Func<HttpRequestMessage> create, Func<HttpContent, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var request = create();
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Problem(response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
            }

            return (request.RequestUri, await read(response.Content, timeout.Token).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the node at {NodeUrl}: {e.Message.TrimEnd('.')}. Is it running? Start one with 'roundtable node start', or pass --node URL.", "node-unreachable", e);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliException($"the node at {NodeUrl} did not answer within {RequestTimeout.TotalSeconds:0} seconds.", "node-timeout");
        }
    }

    private static ApiException Problem(HttpStatusCode status, string body)
    {
        string? title = null, detail = null, reason = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject problem)
            {
                title = Text(problem, "title");
                detail = Text(problem, "detail");
                reason = Text(problem, "reason");
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy, another server): fall back to the status code.
        }

        return new ApiException((int)status, title, detail ?? (title is null && body.Length is > 0 and < 200 ? body.Trim() : null), reason);
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
