using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Roundtable.IntegrationTests.Support;

/// <summary>A <c>roundtable node start</c> child process with its output captured.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private NodeProcess(Process process, string apiUrl)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public int Id => _process.Id;

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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The roundtable.dll built next to the tests.</summary>
    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "roundtable.dll");

    /// <summary>Starts <c>node start</c> on <paramref name="home"/>, from the tests' build or from <paramref name="cliPath"/>.</summary>
    public static NodeProcess Start(string home, string apiUrl, string? cliPath = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cliPath ?? CliPath);
        info.ArgumentList.Add("node");
        info.ArgumentList.Add("start");
        info.ArgumentList.Add("--home");
        info.ArgumentList.Add(home);
        var process = new Process { StartInfo = info };
        var node = new NodeProcess(process, apiUrl);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until the API answers, or throws with the process output if it exits first.</summary>
    public async Task WaitUntilServingAsync(int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node exited with {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/v1/status").ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(25).ConfigureAwait(false);
        }

        throw new TimeoutException($"Node did not serve within {seconds} s:\n{Output}");
    }

    public async Task<ulong> HeightAsync() =>
        (ulong)(await Http.GetFromJsonAsync<JsonObject>("/api/v1/status").ConfigureAwait(false))!["height"]!;

    /// <summary>The node's view of a personal field (status, and the value while it holds one).</summary>
    public async Task<JsonObject> PersonalFieldAsync(Roundtable.Core.Hashing.Hash256 commitment) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/v1/personal-fields/{commitment}").ConfigureAwait(false))!;

    /// <summary>SIGKILL: no chance to flush or clean up.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the process if it still runs; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillHard();
        Http.Dispose();
        _process.Dispose();
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
