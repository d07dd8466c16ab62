using System.Diagnostics;
using Roundtable.IntegrationTests.Support;
using Roundtable.Node.Devnet;
using Xunit.Abstractions;

namespace Roundtable.IntegrationTests;

/// <summary>Four validator processes of four stakeholder groups on loopback, with faults injected by killing processes.</summary>
public sealed class MultiValidatorNetworkTests(ITestOutputHelper output) : IDisposable
{
    private readonly ScratchDirectory _dir = new("roundtable-net-");

    [Fact]
    public async Task Network_survives_a_crash_halts_without_quorum_and_converges_on_identical_blocks()
    {
        var nodes = DevnetLayout.Create(_dir.Path, 4, DevnetPorts.FindFreeBase(4), 200, DateTimeOffset.UtcNow);
        var processes = new NodeProcess?[4];
        try
        {
            for (var i = 0; i < 4; i++)
            {
                processes[i] = NodeProcess.Start(nodes[i].Home, nodes[i].ApiUrl);
            }

            foreach (var p in processes)
            {
                await p!.WaitUntilServingAsync();
            }

            await NodeWaits.AllAbove(processes, [0, 1, 2, 3], 5);

            // One validator (a quarter of the power) crashes: the other three keep committing.
            var killedAt = await processes[3]!.HeightAsync();
            processes[3]!.KillHard();
            var atCrash = await processes[0]!.HeightAsync();
            await NodeWaits.AllAbove(processes, [0, 1, 2], atCrash + 5);

            // It restarts and catches up with what it missed.
            var behind = await processes[0]!.HeightAsync();
            var clock = Stopwatch.StartNew();
            processes[3] = NodeProcess.Start(nodes[3].Home, nodes[3].ApiUrl);
            await processes[3]!.WaitUntilServingAsync();
            var serving = clock.ElapsedMilliseconds;
            var restored = await processes[3]!.HeightAsync();
            await NodeWaits.AllAbove(processes, [3], behind);
            var line = $"catch-up: a restarted validator served its API {serving} ms after launch at height {restored} and passed height {behind}, where the others were when it launched " +
                $"({behind - killedAt} blocks missed while it was down; it had {(restored > killedAt ? "caught up " + (restored - killedAt) : "recovered none")} of them when its API answered) {clock.ElapsedMilliseconds} ms after launch";
            output.WriteLine(line);
            TestReport.Write(line);

            // Two of four stop: half the power is not a quorum, so nothing is committed.
            processes[2]!.KillHard();
            processes[3]!.KillHard();
            // A decision whose precommits the two sent before dying may still land (at one survivor,
            // then the other by catch-up): sample once the survivors agree, then nothing may follow.
            var halted = await WaitUntilAgreed(processes[0]!, processes[1]!);
            await AssertStaysAt(processes[0]!, halted, TimeSpan.FromSeconds(4));
            await AssertStaysAt(processes[1]!, halted, TimeSpan.FromSeconds(1));

            // Bring them back: commits resume.
            processes[2] = NodeProcess.Start(nodes[2].Home, nodes[2].ApiUrl);
            processes[3] = NodeProcess.Start(nodes[3].Home, nodes[3].ApiUrl);
            await processes[2]!.WaitUntilServingAsync();
            await processes[3]!.WaitUntilServingAsync();
            await NodeWaits.AllAbove(processes, [0, 1, 2, 3], halted + 5);

            // Every node holds the same blocks and state roots.
            await NodeWaits.AssertSameChainAsync(processes.Select(p => p!));
        }
        finally
        {
            foreach (var p in processes)
            {
                p?.Dispose();
            }
        }
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<ulong> WaitUntilAgreed(NodeProcess a, NodeProcess b)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (first, second) = (await a.HeightAsync(), await b.HeightAsync());
            if (first == second)
            {
                return first;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The survivors did not agree on a height (at {first} and {second}).");
            }

            await Task.Delay(50);
        }
    }

    private static async Task AssertStaysAt(NodeProcess node, ulong height, TimeSpan period)
    {
        var until = DateTime.UtcNow + period;
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(height, await node.HeightAsync());
            await Task.Delay(100);
        }
    }
}
