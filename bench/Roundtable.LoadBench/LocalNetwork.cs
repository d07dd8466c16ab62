using System.Diagnostics;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;

namespace Roundtable.LoadBench;

/// <summary>
/// A fresh devnet in a temporary directory, each validator a <c>dotnet roundtable.dll node start</c>
/// child process. <see cref="Dispose"/> stops every child by its PID (SIGTERM, then SIGKILL) and
/// deletes the directory, also when the run failed.
/// </summary>
internal sealed class LocalNetwork : IDisposable
{
    private readonly List<NodeChildProcess> _nodes = [];
    private readonly bool _keep;
    private int _disposed;

    private LocalNetwork(string directory, IReadOnlyList<DevnetNode> layout, bool keep)
    {
        Directory = directory;
        Layout = layout;
        _keep = keep;
    }

    public string Directory { get; }

    public IReadOnlyList<DevnetNode> Layout { get; }

    public IReadOnlyList<NodeChildProcess> Nodes => _nodes;

    /// <summary>Creates the homes (shared genesis), writes the operator settings and starts the nodes.</summary>
    public static LocalNetwork Start(LoadOptions options)
    {
        if (!File.Exists(options.Cli))
        {
            throw new FileNotFoundException($"The node program {options.Cli} does not exist; build src/Roundtable.Cli or pass --cli.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "roundtable-loadbench-" + Guid.NewGuid().ToString("N")[..12]);
        var basePort = options.BasePort != 0 ? options.BasePort : DevnetPorts.FindFreeBase(options.Validators);
        var layout = DevnetLayout.Create(directory, options.Validators, basePort, options.BlockIntervalMs, DateTimeOffset.UtcNow);
        foreach (var node in layout)
        {
            var home = new NodeHome(node.Home);
            home.SaveConfig(home.LoadConfig() with { MaxBlockTransactions = options.MaxBlockTransactions });
        }

        var network = new LocalNetwork(directory, layout, options.Keep);
        try
        {
            foreach (var node in layout)
            {
                network._nodes.Add(NodeChildProcess.Start("dotnet", [options.Cli], node));
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return network;
    }

    /// <summary>Waits until every node serves its API and the chain has committed <paramref name="height"/>.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, ulong height, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            foreach (var node in _nodes)
            {
                if (node.HasExited)
                {
                    throw new InvalidOperationException($"{node.Node.Name} exited with code {node.ExitCode} before the load; see {node.LogFile}.");
                }
            }

            var heights = await Task.WhenAll(_nodes.Select(n => StatusPoller.TryHeightAsync(http, n.Node.ApiUrl, CancellationToken.None))).ConfigureAwait(false);
            if (heights.All(h => h >= height))
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"The devnet did not reach height {height} within {timeout.TotalSeconds} s; node logs are in {Directory}.");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var node in _nodes)
        {
            node.Terminate();
        }

        foreach (var node in _nodes)
        {
            if (!node.StopAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult())
            {
                Console.Error.WriteLine($"{node.Node.Name} (pid {node.Pid}) did not stop within 15 s; killed it.");
            }

            node.Dispose();
        }

        if (_keep)
        {
            Console.Error.WriteLine($"Kept {Directory} (node logs in node-*/node.log).");
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {Directory}: {e.Message}");
        }
    }
}
