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
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await Holds(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
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
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
