using System.Diagnostics;
using System.Text;

namespace Roundtable.Cli.Tests.Support;

/// <summary>The built <c>roundtable.dll</c> run as a real child process: <c>dotnet roundtable.dll node start --home ...</c>.</summary>
public sealed class ChildNode : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildNode(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildNode Start(string home, params string[] extraArgs) => Start(home, new Dictionary<string, string>(), extraArgs);

    /// <summary>Starts the node with <paramref name="environment"/> added to this process's environment.</summary>
    public static ChildNode Start(string home, IReadOnlyDictionary<string, string> environment, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliAssembly(), "node", "start", "--home", home }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var child = new ChildNode(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends SIGTERM through kill(1): a real signal, unlike Process.Kill.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"roundtable did not exit within {timeout}. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    /// <summary>roundtable.dll next to the tests (copied with its runtimeconfig), else the CLI project's own output.</summary>
    private static string CliAssembly()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "roundtable.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "roundtable.runtimeconfig.json")))
        {
            return local;
        }

        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<config>/net10.0
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Roundtable.Cli", "bin", config, "net10.0", "roundtable.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("roundtable.dll was not found; build src/Roundtable.Cli first.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
