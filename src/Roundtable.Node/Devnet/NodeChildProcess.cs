using System.Diagnostics;
using System.Globalization;

namespace Roundtable.Node.Devnet;

/// <summary>
/// One <c>roundtable node start --home HOME</c> child process of a local network, its output appended
/// to <c>HOME/node.log</c>. Stopped by its PID: SIGTERM for a clean shutdown, SIGKILL after a timeout;
/// and by itself if this process ends without stopping it (<see cref="LauncherWatch"/>).
/// </summary>
public sealed class NodeChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeChildProcess(DevnetNode node, Process process, StreamWriter log, string logFile)
    {
        Node = node;
        _process = process;
        _log = log;
        LogFile = logFile;
        Pid = process.Id;
    }

    /// <summary>The node this process runs.</summary>
    public DevnetNode Node { get; }

    /// <summary>Where its output goes.</summary>
    public string LogFile { get; }

    /// <summary>Its process id.</summary>
    public int Pid { get; }

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (after it exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <paramref name="program"/> followed by <paramref name="programArguments"/> (e.g. <c>dotnet</c>
    /// and the path of <c>roundtable.dll</c>) and then <c>node start --home</c> the node's home.
    /// </summary>
    public static NodeChildProcess Start(string program, IEnumerable<string> programArguments, DevnetNode node)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in programArguments.Concat(["node", "start", "--home", node.Home]))
        {
            info.ArgumentList.Add(arg);
        }

        // Should this process be killed outright, the node stops by itself instead of running on unowned.
        info.Environment[LauncherWatch.EnvironmentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        var logFile = Path.Combine(node.Home, "node.log");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeChildProcess(node, process, log, logFile);
    }

    /// <summary>CPU time (user + system, all threads) the process has used so far; zero once it is gone.</summary>
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

    /// <summary>SIGTERM: the node shuts down cleanly.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            // Process.Kill sends SIGKILL; the node needs SIGTERM to shut down cleanly.
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
    }

    /// <summary>Waits for exit; SIGKILL when it takes longer than <paramref name="timeout"/>. True when it exited by itself.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }
    }

    /// <inheritdoc />
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
