using System.Diagnostics;
using System.Globalization;
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
    private readonly List<NodeProcess> _nodes = [];
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

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

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
                network._nodes.Add(NodeProcess.Start(options.Cli, node));
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
                    throw new InvalidOperationException($"{node.Name} exited with code {node.ExitCode} before the load; see {node.LogFile}.");
                }
            }

            var heights = await Task.WhenAll(_nodes.Select(n => StatusPoller.TryHeightAsync(http, n.ApiUrl, CancellationToken.None))).ConfigureAwait(false);
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
            node.WaitOrKill(TimeSpan.FromSeconds(15));
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

/// <summary>One node's child process, its output appended to node.log in its home.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeProcess(string name, string apiUrl, Process process, StreamWriter log, string logFile)
    {
        Name = name;
        ApiUrl = apiUrl;
        _process = process;
        _log = log;
        LogFile = logFile;
        Pid = process.Id;
    }

    public string Name { get; }

    public string ApiUrl { get; }

    public string LogFile { get; }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string cli, DevnetNode node)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "node", "start", "--home", node.Home })
        {
            info.ArgumentList.Add(arg);
        }

        var logFile = Path.Combine(node.Home, "node.log");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = false };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(node.Name, node.ApiUrl, process, log, logFile);
    }

    /// <summary>CPU time (user + system, all threads) the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>SIGTERM by PID: the node shuts down cleanly.</summary>
    public void Terminate()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    /// <summary>Waits for the process to exit; SIGKILL by PID when it takes longer than <paramref name="timeout"/>.</summary>
    public void WaitOrKill(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Console.Error.WriteLine($"{Name} (pid {Pid}) did not stop within {timeout.TotalSeconds} s; killing it.");
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
