using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;

namespace Roundtable.IntegrationTests.Support;

/// <summary>
/// A four-validator devnet of node processes on loopback ports (200 ms blocks), started the way
/// `roundtable devnet` lays it out, serving its API and past its first block. Disposing it stops
/// every process; the directory stays with its owner.
/// </summary>
internal sealed class RunningDevnet : IDisposable
{
    private RunningDevnet(IReadOnlyList<DevnetNode> nodes, List<NodeProcess> processes)
    {
        Nodes = nodes;
        Processes = processes;
        Client = new LedgerClient(processes[0].Http);
    }

    /// <summary>The nodes as laid out (homes, API addresses).</summary>
    public IReadOnlyList<DevnetNode> Nodes { get; }

    /// <summary>Their running processes, in the same order.</summary>
    public List<NodeProcess> Processes { get; }

    /// <summary>A client of the first node's API.</summary>
    public LedgerClient Client { get; }

    /// <summary>Lays out a devnet in <paramref name="directory"/>, lets <paramref name="configure"/> adjust each home, and starts it.</summary>
    public static async Task<RunningDevnet> StartAsync(string directory, CancellationToken cancellationToken, ulong governancePeriodSeconds = DevnetLayout.DefaultGovernancePeriodSeconds, Action<NodeHome>? configure = null)
    {
        var nodes = DevnetLayout.Create(directory, 4, DevnetPorts.FindFreeBase(4), 200, DateTimeOffset.UtcNow, governancePeriodSeconds);
        foreach (var node in nodes)
        {
            configure?.Invoke(new NodeHome(node.Home));
        }

        var devnet = new RunningDevnet(nodes, [.. nodes.Select(n => NodeProcess.Start(n.Home, n.ApiUrl))]);
        try
        {
            foreach (var p in devnet.Processes)
            {
                await p.WaitUntilServingAsync();
            }

            await devnet.Client.WaitForHeightAboveAsync(1, TimeSpan.FromSeconds(60), cancellationToken);
            return devnet;
        }
        catch
        {
            devnet.Dispose();
            throw;
        }
    }

    /// <summary>Stops every process (idempotent).</summary>
    public void Dispose() => Processes.ForEach(p => p.Dispose());
}
