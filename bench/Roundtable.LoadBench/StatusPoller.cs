using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;

namespace Roundtable.LoadBench;

/// <summary>A committed block as the poller saw it.</summary>
internal sealed record ObservedBlock(ulong Height, long ObservedTicks, int Transactions);

/// <summary>
/// Records when each block is first seen committed: every node's <c>GET /api/v1/status</c> is
/// polled every <see cref="Interval"/>, and the first answer showing height h or more dates block h.
/// Each new block is then read once (<c>GET /api/v1/blocks/{h}</c>) and every transaction in it gets
/// that date as its commit time. Reading one block per height is far cheaper than asking about each
/// transaction.
/// </summary>
internal sealed class StatusPoller
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, long> _observed = [];
    private readonly Dictionary<Hash256, long> _commits = [];
    private readonly List<ObservedBlock> _blocks = [];
    private readonly Channel<(ulong Height, string Api)> _fetch = Channel.CreateUnbounded<(ulong, string)>();
    private ulong _highest;

    public StatusPoller(ulong startHeight)
    {
        _highest = startHeight;
    }

    /// <summary>Commit time (Stopwatch ticks) of a transaction, when it was seen in a block.</summary>
    public bool TryGetCommit(Hash256 hash, out long ticks)
    {
        lock (_gate)
        {
            return _commits.TryGetValue(hash, out ticks);
        }
    }

    public int CommittedCount
    {
        get
        {
            lock (_gate)
            {
                return _commits.Count;
            }
        }
    }

    public IReadOnlyList<ObservedBlock> Blocks
    {
        get
        {
            lock (_gate)
            {
                return [.. _blocks.OrderBy(b => b.Height)];
            }
        }
    }

    /// <summary>Blocks first observed but not read yet.</summary>
    public int Unread
    {
        get
        {
            lock (_gate)
            {
                return _observed.Count - _blocks.Count;
            }
        }
    }

    public async Task RunAsync(HttpClient http, IReadOnlyList<string> apis, CancellationToken cancellationToken)
    {
        var fetcher = FetchAsync(http, apis, cancellationToken);
        await Task.WhenAll(apis.Select(api => PollAsync(http, api, cancellationToken))).ConfigureAwait(false);
        _fetch.Writer.Complete();
        await fetcher.ConfigureAwait(false);
    }

    public static async Task<ulong> TryHeightAsync(HttpClient http, string api, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(api + "/api/v1/status", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return 0;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return doc.RootElement.GetProperty("height").GetUInt64();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return 0;
        }
    }

    private async Task PollAsync(HttpClient http, string api, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var height = await TryHeightAsync(http, api, cancellationToken).ConfigureAwait(false);
                var now = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    for (var h = _highest + 1; h <= height; h++)
                    {
                        _observed[h] = now;
                        _fetch.Writer.TryWrite((h, api));
                    }

                    _highest = Math.Max(_highest, height);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task FetchAsync(HttpClient http, IReadOnlyList<string> apis, CancellationToken cancellationToken)
    {
        await foreach (var (height, first) in _fetch.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var api = first;
            for (var attempt = 0; ; attempt++)
            {
                var hashes = await TryReadBlockAsync(http, api, height).ConfigureAwait(false);
                if (hashes is not null)
                {
                    lock (_gate)
                    {
                        var at = _observed[height];
                        foreach (var hash in hashes)
                        {
                            _commits.TryAdd(hash, at);
                        }

                        _blocks.Add(new ObservedBlock(height, at, hashes.Count));
                    }

                    break;
                }

                if (attempt >= 20)
                {
                    Console.Error.WriteLine($"Could not read block {height}; its transactions count as uncommitted.");
                    break;
                }

                api = apis[(attempt + 1) % apis.Count];
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<List<Hash256>?> TryReadBlockAsync(HttpClient http, string api, ulong height)
    {
        try
        {
            // The canonical bytes, not the JSON view: rendering every transaction of every block as
            // JSON cost the node it was read from about as much as a percent of the machine.
            using var response = await http.GetAsync($"{api}/api/v1/blocks/{height}?format=binary").ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var block = Block.Decode(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            return [.. block.Transactions.Select(static t => t.Hash)];
        }
        catch (Exception e) when (e is HttpRequestException or DecodeException or TaskCanceledException)
        {
            return null;
        }
    }
}
