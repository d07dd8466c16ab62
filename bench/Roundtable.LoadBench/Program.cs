using System.Diagnostics;
using System.Globalization;
using Roundtable.LoadBench;
using Roundtable.Node.Devnet;

// Consensus throughput and finality of a local devnet under sustained signed-transaction load,
// against the machine's ECDSA P-256 verify rate measured in the same run. See docs/benchmarks.md
// ("Consensus throughput and finality") and bench/load.sh. Result rows on stdout, progress on stderr.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var inv = CultureInfo.InvariantCulture;
var cores = Environment.ProcessorCount;
var loadBefore = Machine.LoadAverage();
Progress($"{options.Workload} workload, {options.Validators} validators, block interval {options.BlockIntervalMs} ms, MaxBlockTransactions {options.MaxBlockTransactions}; " +
    $"offered {options.Rate} tx/s for {options.WarmupSeconds} s warm-up + {options.Seconds} s measured, {options.Concurrency} requests in flight at most, {options.Batch} transaction(s) per request; {cores} cores, load {loadBefore}");

var count = (options.Rate * (options.WarmupSeconds + options.Seconds)) + (options.Concurrency * options.Batch * options.Validators);
var signing = Stopwatch.StartNew();
var (setup, txs) = options.Workload == "warm"
    ? PreparedTransactions.CreateWarm(DevnetLayout.ChainId, options.Senders, count)
    : ([], PreparedTransactions.Create(DevnetLayout.ChainId, count));
Progress(options.Workload == "warm"
    ? $"Signed {options.Senders:N0} registrations and {count:N0} guardian changes by those members in {signing.Elapsed.TotalSeconds:F1} s (avg {txs.Average(t => t.Encoded.Length):F0} B/tx)."
    : $"Signed {count:N0} registrations from fresh keys in {signing.Elapsed.TotalSeconds:F1} s (avg {txs.Average(t => t.Encoded.Length):F0} B/tx).");

var verifyBefore = (One: VerifyRate.Measure(1, options.VerifySeconds), All: VerifyRate.Measure(cores, options.VerifySeconds));
Progress($"Verify rate before: 1 thread {verifyBefore.One.PerSecond:N0}/s ({verifyBefore.One.PerCpuSecond:N0} per CPU-s), {cores} threads {verifyBefore.All.PerSecond:N0}/s ({verifyBefore.All.PerCpuSecond:N0} per CPU-s).");

Result result;
var network = LocalNetwork.Start(options);
using var stopOnExit = new StopOnExit(network);
try
{
    Progress($"Started {network.Nodes.Count} nodes (pids {string.Join(", ", network.Nodes.Select(n => n.Pid))}) in {network.Directory}.");
    result = await RunLoadAsync(options, network, setup, txs).ConfigureAwait(false);
}
finally
{
    network.Dispose();
}

var verifyAfter = (One: VerifyRate.Measure(1, options.VerifySeconds), All: VerifyRate.Measure(cores, options.VerifySeconds));
Progress($"Verify rate after: 1 thread {verifyAfter.One.PerSecond:N0}/s ({verifyAfter.One.PerCpuSecond:N0} per CPU-s), {cores} threads {verifyAfter.All.PerSecond:N0}/s ({verifyAfter.All.PerCpuSecond:N0} per CPU-s).");

var oneCore = (verifyBefore.One.PerSecond + verifyAfter.One.PerSecond) / 2;
var allCores = (verifyBefore.All.PerSecond + verifyAfter.All.PerSecond) / 2;
var oneCoreCpu = (verifyBefore.One.PerCpuSecond + verifyAfter.One.PerCpuSecond) / 2;
var ceiling = allCores / options.Validators;
var efficiency = result.CommittedPerSecond / ceiling;
var cpuPerTxMs = result.NodeCpuSeconds * 1000 / Math.Max(1, result.CommittedInWindow);
var verifyEquivalents = result.NodeCpuSeconds * oneCoreCpu / Math.Max(1, result.CommittedInWindow);

Progress("");
Progress($"Submitted {result.Sent:N0} ({result.Accepted:N0} accepted, {result.Refused:N0} refused, {result.Errors:N0} transport errors); client lag behind the schedule: max {result.MaxLagSeconds * 1000:F0} ms, {result.Lagged:N0} sent > 100 ms late (in the window: max {result.WindowMaxLagSeconds * 1000:F0} ms, {result.WindowLagged:N0} > 100 ms late).");
Progress($"Window: {result.CommittedInWindow:N0} committed in {result.BlocksInWindow} blocks ({result.TxPerBlock:F1} tx/block, a block every {result.BlockSpacingMs:F0} ms) = {result.CommittedPerSecond:F1} tx/s.");
Progress($"Submission -> commit of the {result.Measured:N0} accepted in the window: median {Ms(result.Median)}, p90 {Ms(result.P90)}, p99 {Ms(result.P99)}, max {Ms(result.Max)}; {result.Uncommitted:N0} not committed {options.DrainSeconds} s after the load.");
Progress($"CPU over the window: nodes {result.NodeCpuSeconds:F1} s ({string.Join(", ", result.PerNodeCpuSeconds.Select(c => c.ToString("F1", inv)))}), load generator {result.ClientCpuSeconds:F1} s, " +
    $"machine busy {result.MachineBusy * 100:F0}% of {cores} cores (all processes). Nodes: {cpuPerTxMs:F2} ms CPU per committed tx = {verifyEquivalents:F1} single-core verifications.");
Progress($"Mempools at the end of the load: {string.Join(", ", result.MempoolAtEnd)}.");
Progress($"Efficiency: {result.CommittedPerSecond:F1} tx/s / ({allCores:N0} verify/s / {options.Validators}) = {efficiency:F3}.");
Progress($"Load average before -> after: {loadBefore} -> {Machine.LoadAverage()}.");

var commit = GitCommit();
if (options.Header)
{
    Console.WriteLine($"<!-- {DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mmZ", inv)}, {cores} cores, commit {commit} -->");
    Console.WriteLine("| workload | offered | committed | median s→c | p99 s→c | uncommitted | verify 1 thread | verify " + cores + " threads | efficiency | node CPU / tx | block interval · tx/block | load avg |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
}

Console.WriteLine(string.Create(inv,
    $"| {(options.Workload == "warm" ? $"warm ({options.Senders} senders)" : "fresh keys")}{(options.Batch > 1 ? $", batches of {options.Batch}" : "")} | {options.Rate} tx/s × {options.Seconds} s | **{result.CommittedPerSecond:F0} tx/s** | **{Ms(result.Median)}** | **{Ms(result.P99)}** | {result.Uncommitted} of {result.Measured} " +
    $"| {oneCore:N0}/s | {allCores:N0}/s | **{efficiency:F2}** | {cpuPerTxMs:F2} ms ({verifyEquivalents:F1} verifies) | {options.BlockIntervalMs} ms · {result.TxPerBlock:F0} | {loadBefore.Split(' ')[0]} → {Machine.LoadAverage().Split(' ')[0]} |"));
return 0;

static void Progress(string line) => Console.Error.WriteLine(line);

static string Ms(double seconds) => double.IsPositiveInfinity(seconds) ? "n/a (uncommitted)" : (seconds * 1000).ToString("F0", CultureInfo.InvariantCulture) + " ms";

static string GitCommit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
        var text = git!.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : "?";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "?";
    }
}

static async Task<Result> RunLoadAsync(LoadOptions options, LocalNetwork network, PreparedTx[] setup, PreparedTx[] txs)
{
    var apis = network.Nodes.Select(n => n.Node.ApiUrl).ToList();
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    await network.WaitUntilReadyAsync(http, 2, TimeSpan.FromSeconds(180)).ConfigureAwait(false);
    var startHeight = (await Task.WhenAll(apis.Select(a => StatusPoller.TryHeightAsync(http, a, CancellationToken.None))).ConfigureAwait(false)).Max();
    Progress($"All nodes serve; chain at height {startHeight}. Load starts.");

    var poller = new StatusPoller(startHeight);
    using var stopPolling = new CancellationTokenSource();
    var polling = poller.RunAsync(http, apis, stopPolling.Token);
    if (setup.Length > 0)
    {
        // Warm workload: register the senders first, outside the measurement.
        var registering = new LoadGenerator(setup, apis);
        await registering.RunAsync(Stopwatch.GetTimestamp(), 500, (setup.Length / 500.0) + 1, options.Concurrency).ConfigureAwait(false);
        var waited = Stopwatch.StartNew();
        while (setup.Any(t => !poller.TryGetCommit(t.Hash, out _)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(120) || registering.Status.Any(s => s != 202))
            {
                throw new InvalidOperationException($"The {setup.Length} sender registrations were not all accepted and committed ({registering.Status.Count(s => s == 202)} accepted, {setup.Count(t => poller.TryGetCommit(t.Hash, out _))} committed).");
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        Progress($"Registered {setup.Length:N0} senders in {waited.Elapsed.TotalSeconds:F0} s after submitting them.");
    }

    var generator = new LoadGenerator(txs, apis);
    var freq = Stopwatch.Frequency;
    var t0 = Stopwatch.GetTimestamp() + (freq / 5);
    var windowStart = t0 + (options.WarmupSeconds * freq);
    var windowEnd = windowStart + (options.Seconds * freq);

    // CPU of the nodes, this process and the whole machine at the window's edges.
    var sampling = Task.Run(async () =>
    {
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), windowStart)).ConfigureAwait(false);
        var a = (Nodes: network.Nodes.Select(n => n.CpuTime()).ToArray(), Self: Environment.CpuUsage.TotalTime, Machine: CpuSample.Read());
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), windowEnd)).ConfigureAwait(false);
        var b = (Nodes: network.Nodes.Select(n => n.CpuTime()).ToArray(), Self: Environment.CpuUsage.TotalTime, Machine: CpuSample.Read());
        return (PerNode: a.Nodes.Zip(b.Nodes, (x, y) => (y - x).TotalSeconds).ToArray(), Self: (b.Self - a.Self).TotalSeconds, Busy: CpuSample.BusyFraction(a.Machine, b.Machine));
    });
    var progress = Task.Run(async () =>
    {
        while (!stopPolling.IsCancellationRequested && Stopwatch.GetTimestamp() < windowEnd)
        {
            await Task.Delay(10_000).ConfigureAwait(false);
            var blocks = poller.Blocks;
            Progress($"  t={Stopwatch.GetElapsedTime(t0).TotalSeconds:F0} s: height {(blocks.Count == 0 ? startHeight : blocks[^1].Height)}, {poller.CommittedCount:N0} committed");
        }
    });

    await generator.RunAsync(t0, options.Rate, options.WarmupSeconds + options.Seconds, options.Concurrency, options.Batch).ConfigureAwait(false);
    var cpu = await sampling.ConfigureAwait(false);
    var mempools = await Task.WhenAll(apis.Select(a => MempoolAsync(http, a))).ConfigureAwait(false);

    // Drain: wait for what was accepted to commit, at most DrainSeconds.
    var accepted = Enumerable.Range(0, txs.Length).Where(i => generator.Status[i] == 202).ToList();
    var drain = Stopwatch.StartNew();
    while (drain.Elapsed.TotalSeconds < options.DrainSeconds && (poller.Unread > 0 || accepted.Any(i => !poller.TryGetCommit(txs[i].Hash, out _))))
    {
        await Task.Delay(250).ConfigureAwait(false);
    }

    await stopPolling.CancelAsync().ConfigureAwait(false);
    await polling.ConfigureAwait(false);
    await progress.ConfigureAwait(false);

    var blocksInWindow = poller.Blocks.Where(b => b.ObservedTicks >= windowStart && b.ObservedTicks < windowEnd).ToList();
    var committedInWindow = blocksInWindow.Sum(b => b.Transactions);
    var measured = accepted.Where(i => generator.SendTicks[i] >= windowStart && generator.SendTicks[i] < windowEnd).ToList();
    var windowLags = measured.Select(i => (double)(generator.SendTicks[i] - (t0 + (long)(i * freq / (double)options.Rate))) / freq).ToList();
    var latencies = measured.Select(i => poller.TryGetCommit(txs[i].Hash, out var c) ? (double)(c - generator.SendTicks[i]) / freq : double.PositiveInfinity).Order().ToArray();
    double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Max(0, (int)Math.Ceiling(p * latencies.Length) - 1)];
    var spacing = blocksInWindow.Count < 2 ? double.NaN : (double)(blocksInWindow[^1].ObservedTicks - blocksInWindow[0].ObservedTicks) / freq * 1000 / (blocksInWindow.Count - 1);

    return new Result(
        Sent: generator.Sent,
        Accepted: accepted.Count,
        Refused: generator.Status.Count(s => s > 0 && s != 202),
        Errors: generator.Status.Count(s => s < 0),
        MaxLagSeconds: generator.MaxLagSeconds,
        Lagged: generator.Lagged,
        WindowMaxLagSeconds: windowLags.Count == 0 ? 0 : windowLags.Max(),
        WindowLagged: windowLags.Count(l => l > 0.1),
        CommittedInWindow: committedInWindow,
        CommittedPerSecond: committedInWindow / (double)options.Seconds,
        BlocksInWindow: blocksInWindow.Count,
        TxPerBlock: blocksInWindow.Count == 0 ? 0 : committedInWindow / (double)blocksInWindow.Count,
        BlockSpacingMs: spacing,
        Measured: measured.Count,
        Uncommitted: latencies.Count(double.IsPositiveInfinity),
        Median: Percentile(0.5),
        P90: Percentile(0.9),
        P99: Percentile(0.99),
        Max: latencies.Length == 0 ? double.NaN : latencies[^1],
        PerNodeCpuSeconds: cpu.PerNode,
        NodeCpuSeconds: cpu.PerNode.Sum(),
        ClientCpuSeconds: cpu.Self,
        MachineBusy: cpu.Busy,
        MempoolAtEnd: mempools);
}

static async Task<string> MempoolAsync(HttpClient http, string api)
{
    try
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(api + "/api/v1/status").ConfigureAwait(false));
        return doc.RootElement.GetProperty("mempool").GetProperty("transactions").GetInt32().ToString(CultureInfo.InvariantCulture);
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
    {
        return "?";
    }
}

internal sealed record Result(
    int Sent, int Accepted, int Refused, int Errors, double MaxLagSeconds, int Lagged, double WindowMaxLagSeconds, int WindowLagged,
    int CommittedInWindow, double CommittedPerSecond, int BlocksInWindow, double TxPerBlock, double BlockSpacingMs,
    int Measured, int Uncommitted, double Median, double P90, double P99, double Max,
    double[] PerNodeCpuSeconds, double NodeCpuSeconds, double ClientCpuSeconds, double MachineBusy, string[] MempoolAtEnd);

/// <summary>Stops the nodes (by PID) when this process is interrupted or exits, not only on the normal path.</summary>
internal sealed class StopOnExit : IDisposable
{
    private readonly LocalNetwork _network;

    public StopOnExit(LocalNetwork network)
    {
        _network = network;
        Console.CancelKeyPress += OnCancel;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        Console.Error.WriteLine("Interrupted; stopping the nodes.");
        _network.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => _network.Dispose();
}
