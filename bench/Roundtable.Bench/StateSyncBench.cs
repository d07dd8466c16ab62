using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Bench;

/// <summary>
/// Figure 7: a fresh node joins a long chain by state snapshot. A one-validator chain of
/// <c>--transactions</c> transactions (member registrations and guardian changes: real state) is
/// written offline as <see cref="BenchChain"/> does, then that validator runs as a node in one
/// child process and a fresh full node joins it in another (<c>node --state-sync</c>: offers over
/// the peer protocol, headers verified as a light client from genesis, chunks over loopback TLS,
/// checksum, state rebuilt and its root checked). The joining process's own wall and CPU time from
/// start to serving its API is the figure; it then catches up two blocks by block sync and its
/// state root must be the one the validator's next header commits to. For comparison, in the same
/// run, a fresh process replays the same chain from its own disk with no snapshot.
/// </summary>
internal static class StateSyncBench
{
    public const string ServeCommand = "serve-node";
    public const string JoinCommand = "join-once";
    private const int TransactionsPerBlock = 500;

    public static void Run(bool quick, int transactions)
    {
        var loadBefore = Report.LoadAverage();
        var perBlock = quick ? 100 : TransactionsPerBlock;
        var blocks = Math.Max(2, (quick ? Math.Min(transactions, 20_000) : transactions) / perBlock);
        var root = Scratch.Create("statesync");
        try
        {
            Report.Note($"statesync: building {blocks:N0} blocks of {perBlock} transactions in {root} ({Scratch.FileSystem(root)})");
            var build = Stopwatch.StartNew();

            // The light client refuses a genesis older than its trusting period and headers from the future.
            var chain = BenchChain.Build(Path.Combine(root, "validator"), blocks, txBlockEvery: 1, txPerBlock: perBlock, memberKeys: int.MaxValue, genesisTime: DateTimeOffset.UtcNow.AddSeconds(-2L * blocks));
            var buildTime = build.Elapsed;
            var snapshotFiles = Directory.GetFiles(chain.Home.SnapshotsDirectory, "*.snap").Order(StringComparer.Ordinal).ToArray();
            var snapshotBytes = new FileInfo(snapshotFiles[^1]).Length;
            Report.Note($"statesync: built in {buildTime.TotalSeconds:N1} s: {chain.Transactions:N0} transactions, {chain.Members:N0} members, {chain.KeyCount:N0} state keys, snapshot {Report.MiB(snapshotBytes)}");

            var serverApi = $"http://127.0.0.1:{FreePort()}";
            var joiner = PrepareHomes(chain, root, serverApi);
            (double Wall, double Cpu, ulong JoinedAt, ulong Height, string Root) join;
            string committed;
            using (var server = Child.Start(ServeCommand, chain.Home.Root))
            {
                var ready = server.StandardOutput.ReadLine();
                if (ready != "ready")
                {
                    throw new InvalidOperationException($"The serving node did not start: {ready}");
                }

                join = ParseJoin(Child.Run(JoinCommand, joiner.Root));
                committed = CommittedRootAsync(serverApi, join.Height + 1).GetAwaiter().GetResult();
                server.StandardInput.Close();
                server.WaitForExit();
            }

            if (committed != join.Root || join.JoinedAt != chain.Height / chain.SnapshotInterval * chain.SnapshotInterval)
            {
                throw new InvalidOperationException($"The joined node is at {join.Height} with root {join.Root} (joined at {join.JoinedAt}); the validator's header {join.Height + 1} commits to {committed}.");
            }

            // The same chain replayed from the node's own blocks, no snapshot: what a node without state sync does (minus the download).
            var aside = Path.Combine(root, "aside");
            Directory.Move(chain.Home.SnapshotsDirectory, aside);
            Directory.CreateDirectory(chain.Home.SnapshotsDirectory);
            var replay = Child.Run(RestartBench.ChildCommand, chain.Home.Root).Split(' ');
            var (replayWall, replayCpu) = (double.Parse(replay[0], CultureInfo.InvariantCulture), double.Parse(replay[1], CultureInfo.InvariantCulture));

            Report.Row("statesync", $"chain: {chain.Height:N0} blocks, {chain.Transactions:N0} tx ({chain.Members:N0} members registered, the rest guardian changes), {chain.KeyCount:N0} state keys, one validator", $"built in {Report.Seconds(buildTime.TotalSeconds)}");
            Report.Row("statesync", $"snapshot offered at height {join.JoinedAt:N0} ({(snapshotBytes + (1 << 20) - 1) >> 20} chunks of 1 MiB)", Report.MiB(snapshotBytes));
            Report.Row("statesync", "fresh full node joins by snapshot, launch of the node to serving its API (offers, light client from genesis, download over loopback TLS, checksum, state rebuilt, root checked, snapshot kept)", $"**{Report.Ms(join.Wall)}** (CPU {Report.Ms(join.Cpu)})", "aim: under 10 s");
            Report.Row("statesync", $"then caught up by blocks to {join.Height:N0}: its state root is the one the validator's header {join.Height + 1:N0} commits to", join.Root[..16] + "…");
            Report.Row("statesync", $"fresh process replays the same {chain.Height:N0} blocks from its own disk, no snapshot (ChainRestorer.Restore)", $"{Report.Ms(replayWall)} (CPU {Report.Ms(replayCpu)})", $"join {Report.Ms(join.Wall)}", Report.Ratio(replayWall / join.Wall) + " × join (wall)");
            Report.Row("statesync", "1-min load average before → after", $"{loadBefore} → {Report.LoadAverage()}");
        }
        finally
        {
            Scratch.Delete(root);
        }
    }

    /// <summary>The child that serves the chain: runs the validator's node until its standard input closes.</summary>
    public static int ServeNode(string homePath)
    {
        using var logs = StderrLogs(LogLevel.Warning);
        using var stop = new CancellationTokenSource();
        var node = new ValidatorNode(new NodeHome(homePath), logs);
        node.Started += _ => Console.Out.WriteLine("ready");
        var run = node.RunAsync(stop.Token);
        _ = Console.In.ReadToEnd();
        stop.Cancel();
        run.GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>
    /// The joining child: runs a fresh node with state sync and prints its wall and CPU time from
    /// launch to serving, the join height, and (after two blocks caught up) its height and root.
    /// </summary>
    public static int JoinOnce(string homePath)
    {
        using var logs = StderrLogs(LogLevel.Information);
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<ChainState>(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = new ValidatorNode(new NodeHome(homePath), logs);
        node.Started += started.SetResult;
        var run = node.RunAsync(stop.Token);
        var chain = started.Task.WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        var wall = stopwatch.Elapsed;
        cpu = Environment.CpuUsage.TotalTime - cpu;
        var joinedAt = chain.FirstKeptHeight - 1;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (chain.Height < joinedAt + 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        var status = chain.Status();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wall.TotalMilliseconds:0.000} {cpu.TotalMilliseconds:0.000} {joinedAt} {status.Height} {status.StateRoot}"));
        stop.Cancel();
        run.GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Gives the validator's home API and peer ports; creates the joiner's home (same genesis, fresh keys, the validator as its peer).</summary>
    private static NodeHome PrepareHomes(BenchChain chain, string root, string serverApi)
    {
        var serverConfig = chain.Home.LoadConfig() with { ApiUrl = serverApi, P2pListen = $"127.0.0.1:{FreePort()}" };
        chain.Home.SaveConfig(serverConfig);
        using var serverKey = chain.Home.LoadOrCreateNodeKey();
        var joiner = new NodeHome(Path.Combine(root, "joiner"));
        using var key = PrivateKey.Generate();
        joiner.Initialize(
            new NodeConfig
            {
                ApiUrl = $"http://127.0.0.1:{FreePort()}",
                P2pListen = $"127.0.0.1:{FreePort()}",
                PersistentPeers = [$"{serverKey.PublicKey.Id}@{serverConfig.P2pListen}"],
                StateSync = true,
            },
            GenesisDocument.Load(chain.Home.GenesisFile),
            key);
        return joiner;
    }

    private static (double Wall, double Cpu, ulong JoinedAt, ulong Height, string Root) ParseJoin(string output)
    {
        var parts = output.Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            ulong.Parse(parts[2], CultureInfo.InvariantCulture), ulong.Parse(parts[3], CultureInfo.InvariantCulture), Hash256.Parse(parts[4]).ToString());
    }

    /// <summary>The state root header <paramref name="height"/> of the serving node carries (waiting for it to be committed).</summary>
    private static async Task<string> CommittedRootAsync(string api, ulong height)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await http.GetAsync($"/api/v1/blocks/{height}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var block = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return (string)block["header"]!["stateRoot"]!;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The serving node did not commit block {height}.");
            }

            await Task.Delay(50);
        }
    }

    private static ILoggerFactory StderrLogs(LogLevel level) => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(level);
        b.AddFilter("Microsoft", LogLevel.Warning);
        b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
