using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.IntegrationTests.Support;

/// <summary>
/// Keeps submitting registrations from fresh keys and records which ones the node reported as
/// committed. A committed report is a promise: it must survive any crash.
/// </summary>
public sealed class RegistrationLoad
{
    private readonly Dictionary<string, ulong> _committed = [];
    private readonly List<string> _pending = [];
    private int _committedCount;

    public IReadOnlyDictionary<string, ulong> Committed => _committed;

    /// <summary>How many commits have been seen so far; safe to read while <see cref="RunAsync"/> runs.</summary>
    public int CommittedCount => Volatile.Read(ref _committedCount);

    /// <summary>Submits and polls until cancelled or the node goes away.</summary>
    public async Task RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var n = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using (var key = PrivateKey.Generate())
                {
                    var tx = Transaction.Create(TestHome.ChainId, key, 0, 1_000_000, new RegisterMember($"member {n++}", "civil-society", "africa", []));
                    using var content = new ByteArrayContent(tx.Encoded.ToArray());
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    using var response = await http.PostAsync("/api/v1/txs", content, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        _pending.Add(tx.Hash.ToString());
                    }
                }

                await PollAsync(http, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            // The node was killed under us; that is the point.
        }
    }

    private async Task PollAsync(HttpClient http, CancellationToken cancellationToken)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            using var response = await http.GetAsync($"/api/v1/txs/{_pending[i]}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Accepted into the mempool of a node killed before it committed: lost, which a
                // crash may do to an uncommitted transaction. Stop asking, or every later round fails.
                _pending.RemoveAt(i);
                continue;
            }

            var doc = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && (string?)doc?["status"] == "committed")
            {
                _committed[_pending[i]] = (ulong)doc!["height"]!;
                _pending.RemoveAt(i);
                Volatile.Write(ref _committedCount, _committed.Count);
            }
        }
    }
}
