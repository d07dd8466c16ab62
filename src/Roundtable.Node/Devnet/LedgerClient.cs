using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.PersonalData;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Devnet;

/// <summary>What became of a transaction sent by <see cref="LedgerClient"/>.</summary>
/// <param name="Hash">Transaction hash.</param>
/// <param name="Height">Block it was committed in.</param>
/// <param name="Ok">Whether the message took effect.</param>
/// <param name="Reason">Why not, when it did not.</param>
/// <param name="Sequence">The sender's sequence it used (ids of proposals and sessions derive from it).</param>
public sealed record TxOutcome(string Hash, ulong Height, bool Ok, string? Reason, ulong Sequence);

/// <summary>
/// Signs, submits and follows transactions through a node's HTTP API: the path the devnet demo and
/// the end-to-end tests take, the same as any external client (no shortcut into the node).
/// </summary>
public sealed class LedgerClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly HttpClient _http;

    /// <summary>A client of the node at <paramref name="http"/>'s base address.</summary>
    public LedgerClient(HttpClient http)
    {
        _http = http;
    }

    /// <summary>GET a JSON document under /api/v1.</summary>
    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<JsonObject>("/api/v1/" + path.TrimStart('/'), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"GET {path} returned nothing.");

    /// <summary>GET a text document (e.g. Markdown) under /api/v1.</summary>
    public Task<string> GetTextAsync(string path, CancellationToken cancellationToken) =>
        _http.GetStringAsync("/api/v1/" + path.TrimStart('/'), cancellationToken);

    /// <summary>The node's committed height.</summary>
    public async Task<ulong> HeightAsync(CancellationToken cancellationToken) =>
        (ulong)(await GetAsync("status", cancellationToken).ConfigureAwait(false))["height"]!;

    /// <summary>
    /// Waits until the node has committed a block above <paramref name="height"/>; with
    /// <paramref name="tolerateUnavailable"/> a node that does not answer yet (starting) is waited for too.
    /// </summary>
    public async Task WaitForHeightAboveAsync(ulong height, TimeSpan timeout, CancellationToken cancellationToken, bool tolerateUnavailable = false)
    {
        var clock = Stopwatch.StartNew();
        while (await TryHeightAsync(tolerateUnavailable, cancellationToken).ConfigureAwait(false) is not { } current || current <= height)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The node did not pass height {height} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ulong?> TryHeightAsync(bool tolerateUnavailable, CancellationToken cancellationToken)
    {
        try
        {
            return await HeightAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (tolerateUnavailable && !cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Signs <paramref name="message"/> with the key's next sequence, submits it and waits for its commit.</summary>
    /// <exception cref="LedgerClientException">The node refused it, or it was committed but failed.</exception>
    public async Task<TxOutcome> SendAsync(PrivateKey signer, TxMessage message, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var outcome = await TrySendAsync(signer, message, cancellationToken, timeout).ConfigureAwait(false);
        return outcome.Ok ? outcome : throw new LedgerClientException($"{message.Type} was committed at height {outcome.Height} but failed: {outcome.Reason}");
    }

    /// <summary>As <see cref="SendAsync"/>, but a message that fails on chain is returned, not thrown.</summary>
    public async Task<TxOutcome> TrySendAsync(PrivateKey signer, TxMessage message, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var status = await GetAsync("status", cancellationToken).ConfigureAwait(false);
        var account = await GetAsync("accounts/" + signer.PublicKey, cancellationToken).ConfigureAwait(false);
        var sequence = (ulong)account["nextSequence"]!;
        var tx = Transaction.Create((string)status["chainId"]!, signer, sequence, (ulong)status["height"]! + 100, message);
        using var content = new ByteArrayContent(tx.Encoded.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PostAsync("/api/v1/txs", content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new LedgerClientException($"{message.Type} was refused ({(int)response.StatusCode}): {problem}");
        }

        return await WaitForCommitAsync(tx.Hash.ToString(), sequence, timeout ?? TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends personal values beside the committed transactions that carry their commitments
    /// (POST /api/v1/disclosures); the node checks each against its commitment and passes it on to its peers.
    /// </summary>
    /// <exception cref="LedgerClientException">The node refused them.</exception>
    public async Task DiscloseAsync(IEnumerable<Disclosure> disclosures, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(DisclosureJson.Write(disclosures));
        using var response = await _http.PostAsync("/api/v1/disclosures", content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new LedgerClientException($"The disclosures were refused ({(int)response.StatusCode}): {problem}");
        }
    }

    private async Task<TxOutcome> WaitForCommitAsync(string hash, ulong sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await _http.GetAsync("/api/v1/txs/" + hash, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var doc = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
                var state = (string?)doc?["status"];
                if (state == "rejected")
                {
                    throw new LedgerClientException($"Transaction {hash} was dropped: {doc?["result"]?["reason"]}");
                }

                if (state == "committed")
                {
                    var result = doc!["result"];
                    return new TxOutcome(hash, (ulong)doc["height"]!, (bool?)result?["ok"] ?? false, (string?)result?["reason"], sequence);
                }
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Transaction {hash} was not committed within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A transaction the node refused, or that failed on chain.</summary>
public sealed class LedgerClientException(string message) : Exception(message);
