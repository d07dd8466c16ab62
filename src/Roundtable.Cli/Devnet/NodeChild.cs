using System.Diagnostics;

namespace Roundtable.Cli.Devnet;

/// <summary>One <c>roundtable node start</c> child process of a devnet, its output appended to the node's log file.</summary>
internal sealed class NodeChild : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeChild(Process process, StreamWriter log, string logFile)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Pid => _process.Id;

    /// <summary>Starts this same program as <c>node start --home HOME</c>.</summary>
    public static NodeChild Start(string home)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? "dotnet";
        info.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(NodeChild).Assembly.Location);
        }

        foreach (var arg in new[] { "node", "start", "--home", home })
        {
            info.ArgumentList.Add(arg);
        }

        var logFile = Path.Combine(home, "node.log");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeChild(process, log, logFile);
    }

    /// <summary>SIGTERM: the node shuts down cleanly.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            // Process.Kill sends SIGKILL; the node needs SIGTERM to shut down cleanly.
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
    }

    /// <summary>Waits for exit; kills the process if it takes longer than <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
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
