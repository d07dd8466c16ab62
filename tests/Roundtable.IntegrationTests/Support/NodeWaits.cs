using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Roundtable.IntegrationTests.Support;

/// <summary>Waiting for node processes to reach heights, and reading what they committed.</summary>
internal static class NodeWaits
{
    /// <summary>Waits until each of <paramref name="which"/> has committed past <paramref name="height"/> (60 s at most).</summary>
    public static async Task AllAbove(NodeProcess?[] processes, int[] which, ulong height)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var i in which)
        {
            while (await SafeHeight(processes[i]!) <= height)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"node-{i} did not pass height {height}:\n{processes[i]!.Output}");
                }

                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds (60 s at most). A node that does not answer
    /// yet (connection refused while it starts) counts as "not yet".
    /// </summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what) => UntilAsync(condition, what, []);

    /// <summary>
    /// As <see cref="UntilAsync(Func{Task{bool}}, string)"/>, watching <paramref name="nodes"/>: it
    /// fails as soon as one of them exits, and a failure reports each node's height or exit code
    /// and the end of its output, so that a stall can be told from a crash.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, IReadOnlyList<NodeProcess> nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await Holds(condition))
        {
            var exited = nodes.Any(n => n.HasExited);
            if (exited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{(exited ? "A node exited" : "Timed out")} while waiting for {what}{await DescribeAsync(nodes)}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The id and state root of the block at <paramref name="height"/> as the node serves it.</summary>
    public static async Task<(string Id, string StateRoot)> BlockAsync(NodeProcess node, ulong height)
    {
        var block = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/blocks/{height}"))!;
        return ((string)block["id"]!, (string)block["header"]!["stateRoot"]!);
    }

    /// <summary>Every node serves the same blocks and state roots up to the lowest of their heights; returns that height.</summary>
    public static async Task<ulong> AssertSameChainAsync(IEnumerable<NodeProcess> processes)
    {
        var nodes = processes.ToList();
        var common = (await Task.WhenAll(nodes.Select(p => p.HeightAsync()))).Min();
        for (ulong h = 1; h <= common; h++)
        {
            var ids = await Task.WhenAll(nodes.Select(p => BlockAsync(p, h)));
            Assert.All(ids, id => Assert.Equal(ids[0], id));
        }

        return common;
    }

    private static async Task<string> DescribeAsync(IReadOnlyList<NodeProcess> nodes)
    {
        const int TailLines = 40;
        var report = new System.Text.StringBuilder();
        for (var i = 0; i < nodes.Count; i++)
        {
            var state = nodes[i].HasExited ? $"exited with {nodes[i].ExitCode}" : $"at height {await SafeHeight(nodes[i])}";
            var lines = nodes[i].Output.Split('\n');
            report.Append($"\n--- node {i} {state}; the last {Math.Min(TailLines, lines.Length)} lines of its output:\n");
            report.AppendJoin('\n', lines.TakeLast(TailLines));
        }

        return report.ToString();
    }

    private static async Task<bool> Holds(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<ulong> SafeHeight(NodeProcess node)
    {
        try
        {
            return await node.HeightAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0; // Not answering (starting, gone, or slower than the client's timeout).
        }
    }
}
