using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Roundtable.Cli.Tests.Support;

/// <summary>Loopback ports and polling a node's API.</summary>
public static class LoopbackNetwork
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls GET /api/v1/status until it answers and <paramref name="ready"/> holds, or the deadline passes.</summary>
    public static async Task<JsonObject> WaitForStatusAsync(string apiUrl, TimeSpan timeout, Func<JsonObject, bool>? ready = null, Func<string?>? diagnostics = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var status = JsonNode.Parse(await http.GetStringAsync("/api/v1/status").ConfigureAwait(false)) as JsonObject;
                if (status is not null && (ready is null || ready(status)))
                {
                    return status;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"{apiUrl} did not become ready within {timeout} ({last?.Message}). {diagnostics?.Invoke()}");
    }

    /// <summary>Polls <paramref name="condition"/> until true or the deadline passes.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
