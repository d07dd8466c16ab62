using System.Diagnostics;
using System.Globalization;
using Roundtable.Cli.Tests.Support;
using Roundtable.Node.Devnet;

namespace Roundtable.Cli.Tests;

/// <summary>The real executable: SIGTERM stops it cleanly and a restart continues the chain.</summary>
public sealed class ProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_stops_the_node_cleanly_and_a_restart_continues_the_chain()
    {
        using var cli = new CliSession();
        var (home, api) = await InitFastNodeAsync(cli);

        ulong before;
        using (var first = ChildNode.Start(home))
        {
            var status = await LoopbackNetwork.WaitForStatusAsync(api, Deadline, s => (ulong)s["height"]! >= 3, () => first.Output);
            before = (ulong)status["height"]!;

            first.Terminate();

            Assert.Equal(0, await first.WaitForExitAsync(Deadline));
            Assert.Contains("Stopped by SIGTERM", first.Output, StringComparison.Ordinal);
            Assert.Contains("Node stopped at height", first.Output, StringComparison.Ordinal);
        }

        using var second = ChildNode.Start(home);
        var resumed = await LoopbackNetwork.WaitForStatusAsync(api, Deadline, diagnostics: () => second.Output);
        Assert.True((ulong)resumed["height"]! >= before, $"restarted at height {resumed["height"]}, below {before}");
        await LoopbackNetwork.WaitForStatusAsync(api, Deadline, s => (ulong)s["height"]! > before, () => second.Output);

        second.Terminate();
        Assert.Equal(0, await second.WaitForExitAsync(Deadline));
    }

    [Fact]
    public async Task A_node_whose_launcher_was_killed_outright_stops_cleanly_by_itself()
    {
        using var cli = new CliSession();
        var (home, api) = await InitFastNodeAsync(cli);
        using var launcher = Process.Start("sleep", ["600"]);
        try
        {
            using var node = ChildNode.Start(home, new Dictionary<string, string> { [LauncherWatch.EnvironmentVariable] = launcher.Id.ToString(CultureInfo.InvariantCulture) });
            await LoopbackNetwork.WaitForStatusAsync(api, Deadline, s => (ulong)s["height"]! >= 2, () => node.Output);
            Assert.False(node.HasExited);

            launcher.Kill();
            await launcher.WaitForExitAsync();

            Assert.Equal(0, await node.WaitForExitAsync(Deadline));
            Assert.Contains("Stopped by the end of the process that launched it", node.Output, StringComparison.Ordinal);
            Assert.Contains("Node stopped at height", node.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (!launcher.HasExited)
            {
                launcher.Kill();
            }
        }
    }

    [Fact]
    public async Task Json_log_format_writes_one_json_object_per_line()
    {
        using var cli = new CliSession();
        var (home, api) = await InitFastNodeAsync(cli);
        var configFile = Path.Combine(home, "config", "node.json");

        using var child = ChildNode.Start(home, "--log-format", "json");
        await LoopbackNetwork.WaitForStatusAsync(api, Deadline, s => (ulong)s["height"]! >= 2, () => child.Output);
        child.Terminate();
        Assert.Equal(0, await child.WaitForExitAsync(Deadline));

        var lines = child.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var entry = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            Assert.NotNull((string?)entry["Message"]);
            Assert.NotNull((string?)entry["Category"]);
        }

        Assert.True(File.Exists(configFile));
    }

    /// <summary>A fresh node home with 100 ms blocks and a free API port.</summary>
    private static async Task<(string Home, string Api)> InitFastNodeAsync(CliSession cli)
    {
        var home = cli.Scratch("node");
        var api = $"http://127.0.0.1:{LoopbackNetwork.FreePort()}";
        (await cli.RunAsync("init", "--home", home, "--api-url", api, "--block-interval-ms", "100")).Ok();
        return (home, api);
    }
}
