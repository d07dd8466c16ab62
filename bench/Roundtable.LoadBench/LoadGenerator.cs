using System.Diagnostics;
using Roundtable.Ledger.Transactions;

namespace Roundtable.LoadBench;

/// <summary>
/// Open-loop load: transaction i is due at start + i / rate and goes to node i mod n. At most
/// <c>concurrency</c> requests are in flight; a worker that falls behind the schedule sends at once
/// (the lag is recorded, so a client that cannot keep up is visible in the report), and one ahead
/// of it waits on a timer. Each worker keeps its own keep-alive connection to each node. With a
/// batch size b above 1, a request carries b transactions of one node (i, i + n, …, in order) and
/// leaves when the last of them is due: a transaction's submit-to-commit time then counts from when
/// it was due (or its batch was taken up, if later), so the wait for its batch is in the figure.
/// </summary>
internal sealed class LoadGenerator
{
    private readonly PreparedTx[] _txs;
    private readonly Uri[] _apis;
    private int _next = -1;

    public LoadGenerator(PreparedTx[] txs, IEnumerable<string> apis)
    {
        _txs = txs;
        _apis = [.. apis.Select(a => new Uri(a))];
        SendTicks = new long[txs.Length];
        Status = new int[txs.Length];
    }

    /// <summary>Stopwatch timestamp at which each transaction was sent (0: not sent).</summary>
    public long[] SendTicks { get; }

    /// <summary>HTTP status of each submission (202 accepted; 0 not sent; -1 transport error).</summary>
    public int[] Status { get; }

    /// <summary>How many transactions were sent.</summary>
    public int Sent { get; private set; }

    /// <summary>Largest delay between a transaction's due time and its sending, in seconds.</summary>
    public double MaxLagSeconds { get; private set; }

    /// <summary>Transactions whose sending lagged their due time by more than 100 ms.</summary>
    public int Lagged { get; private set; }

    public async Task RunAsync(long startTicks, double rate, double seconds, int concurrency, int batch = 1)
    {
        var endTicks = startTicks + (long)(seconds * Stopwatch.Frequency);
        var lags = new double[concurrency];
        var lagged = new int[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var connections = _apis.Select(api => new SubmitConnection(api, batch == 1 ? "/api/v1/txs" : "/api/v1/txs/batch")).ToArray();
            try
            {
                await (batch == 1 ? RunWorkerAsync(w, connections) : RunBatchWorkerAsync(w, connections)).ConfigureAwait(false);
            }
            finally
            {
                foreach (var connection in connections)
                {
                    connection.Dispose();
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        Sent = SendTicks.Count(t => t != 0);
        MaxLagSeconds = lags.Max();
        Lagged = lagged.Sum();

        async Task RunWorkerAsync(int w, SubmitConnection[] connections)
        {
            while (true)
            {
                var i = Interlocked.Increment(ref _next);
                if (i >= _txs.Length)
                {
                    return;
                }

                var due = startTicks + (long)(i * Stopwatch.Frequency / rate);
                if (due >= endTicks)
                {
                    return;
                }

                SendTicks[i] = await WaitUntilDueAsync(w, due, 1).ConfigureAwait(false);
                Status[i] = await connections[i % connections.Length].SubmitAsync(_txs[i].Encoded).ConfigureAwait(false);
            }
        }

        // A timer wait, never a spin: the generator shares the cores with the nodes it measures, and
        // a spinning client takes CPU from them. Timers fire at most a millisecond or so late; the
        // time returned (when the request leaves) is the real one, and its lag behind the schedule
        // is recorded for the worker's transactions.
        async Task<long> WaitUntilDueAsync(int w, long due, int transactions)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds))).ConfigureAwait(false);
            }

            var now = Stopwatch.GetTimestamp();
            var lag = (double)(now - due) / Stopwatch.Frequency;
            lags[w] = Math.Max(lags[w], lag);
            if (lag > 0.1)
            {
                lagged[w] += transactions;
            }

            return now;
        }

        async Task RunBatchWorkerAsync(int w, SubmitConnection[] connections)
        {
            var nodes = connections.Length;
            var statuses = new int[batch];
            var encoded = new ReadOnlyMemory<byte>[batch];
            while (true)
            {
                // Chunk c is node c mod n's share of round c / n: indices round·b·n + node + k·n.
                var chunk = Interlocked.Increment(ref _next);
                var node = chunk % nodes;
                var first = ((long)(chunk / nodes) * batch * nodes) + node;
                var last = first + ((long)(batch - 1) * nodes);
                if (last >= _txs.Length || startTicks + (long)(last * Stopwatch.Frequency / rate) >= endTicks)
                {
                    return;
                }

                var takenUp = Stopwatch.GetTimestamp();
                await WaitUntilDueAsync(w, startTicks + (long)(last * Stopwatch.Frequency / rate), batch).ConfigureAwait(false);
                for (var k = 0; k < batch; k++)
                {
                    var i = first + ((long)k * nodes);
                    SendTicks[i] = Math.Max(takenUp, startTicks + (long)(i * Stopwatch.Frequency / rate));
                    encoded[k] = _txs[i].Encoded;
                }

                await connections[node].SubmitBatchAsync(TransactionBatch.Encode(encoded), statuses).ConfigureAwait(false);
                for (var k = 0; k < batch; k++)
                {
                    Status[first + ((long)k * nodes)] = statuses[k];
                }
            }
        }
    }
}
