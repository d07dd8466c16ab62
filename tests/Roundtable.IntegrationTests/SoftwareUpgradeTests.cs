using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Devnet;
using Roundtable.Node.Devnet.Demo;
using Xunit.Abstractions;

namespace Roundtable.IntegrationTests;

/// <summary>
/// An upgrade approved by a balanced vote, carried out by two builds of the node: the four
/// validators of the tests' build stop committing right after the halt height's block, a second
/// build stamped as the approved release resumes the chain from the same stores, and the old
/// build restarted beside it refuses to follow.
/// </summary>
public sealed class SoftwareUpgradeTests(ITestOutputHelper output) : IDisposable
{
    private const ulong PeriodSeconds = 4;

    // Blocks between the proposal and its halt height: the vote takes about three periods (12 s)
    // of block time, at most 5 blocks a second with 200 ms blocks, so the plan is in force well
    // before the height comes.
    private const ulong HaltDistance = 120;

    private readonly ScratchDirectory _dir = new("roundtable-upgrade-");

    [Fact]
    public async Task Old_builds_halt_at_the_approved_height_the_approved_build_resumes_the_chain_and_the_old_build_refuses_to_follow()
    {
        var approved = await SecondBuild.CreateAsync(Path.Combine(_dir.Path, "approved-build"), "upgrade-test");
        var current = await SecondBuild.TestBuildHashAsync();
        Assert.Equal("upgrade-test", approved.Version);
        Assert.NotEqual(current, approved.ReleaseHash);

        var nodes = DevnetLayout.Create(Path.Combine(_dir.Path, "net"), 4, DevnetPorts.FindFreeBase(4), 200, DateTimeOffset.UtcNow, PeriodSeconds);
        var old = nodes.Select(n => NodeProcess.Start(n.Home, n.ApiUrl)).ToList();
        var upgraded = new List<NodeProcess>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        try
        {
            foreach (var p in old)
            {
                await p.WaitUntilServingAsync();
            }

            var client = new LedgerClient(old[0].Http);
            await client.WaitForHeightAboveAsync(1, TimeSpan.FromSeconds(60), ct);
            var halt = await client.HeightAsync(ct) + HaltDistance;
            await ApproveUpgradeAsync(client, approved, halt, ct);

            var status = (await old[1].Http.GetFromJsonAsync<JsonObject>("/api/v1/status", ct))!;
            Assert.Equal(approved.ReleaseHash.ToString(), (string?)status["upgrade"]!["releaseHash"]);
            Assert.Equal(halt, (ulong)status["upgrade"]!["haltHeight"]!);
            Assert.False((bool)status["upgrade"]!["thisNodeContinues"]!);

            // Every old node stops committing after the halt height's block, naming the approved
            // release, and keeps serving: the last block is on every node.
            foreach (var p in old)
            {
                await NodeWaits.UntilAsync(async () => (await p.Http.GetFromJsonAsync<JsonObject>("/api/v1/status", ct))!["halted"] is not null, "the old build to halt");

                // The log line reaches the captured output after the status already says halted.
                await NodeWaits.UntilAsync(() => Task.FromResult(p.Output.Contains(approved.ReleaseHash.ToString(), StringComparison.Ordinal)), "the halt to be logged with the approved release");
            }

            await Task.WhenAll(old.Select(async p => Assert.Equal(halt, await p.HeightAsync())));
            var haltBlock = await NodeWaits.BlockAsync(old[0], halt);
            old.ForEach(p => p.Dispose());

            // Three operators install the approved build: it resumes from the same stores, and
            // three of four validators carry the chain on.
            var processes = new NodeProcess?[4];
            for (var i = 1; i < 4; i++)
            {
                processes[i] = NodeProcess.Start(nodes[i].Home, nodes[i].ApiUrl, approved.CliPath);
                upgraded.Add(processes[i]!);
            }

            foreach (var p in upgraded)
            {
                await p.WaitUntilServingAsync();
            }

            await NodeWaits.AllAbove(processes, [1, 2, 3], halt + 3);

            // The fourth operator restarts the old build: it refuses to go past the halt height
            // although its peers are past it, and says why.
            using (var refused = NodeProcess.Start(nodes[0].Home, nodes[0].ApiUrl))
            {
                await refused.WaitUntilServingAsync();
                var passed = await processes[1]!.HeightAsync();
                await NodeWaits.AllAbove(processes, [1, 2, 3], passed + 3);
                var refusal = (await refused.Http.GetFromJsonAsync<JsonObject>("/api/v1/status", ct))!;
                Assert.Equal(halt, (ulong)refusal["height"]!);
                Assert.Contains("stops there", (string?)refusal["halted"], StringComparison.Ordinal);
                await NodeWaits.UntilAsync(() => Task.FromResult(refused.Output.Contains("Stopped committing", StringComparison.Ordinal)), "the refusal to be logged");
            }

            // Then installs the approved build too, and catches up on the same chain: no block lost.
            processes[0] = NodeProcess.Start(nodes[0].Home, nodes[0].ApiUrl, approved.CliPath);
            upgraded.Add(processes[0]!);
            await processes[0]!.WaitUntilServingAsync();
            var target = await processes[1]!.HeightAsync();
            await NodeWaits.AllAbove(processes, [0, 1, 2, 3], target);
            var next = await Task.WhenAll(processes.Select(p => NodeWaits.BlockAsync(p!, halt + 1)));
            Assert.All(next, b => Assert.Equal(next[0], b));
            Assert.Equal(haltBlock, await NodeWaits.BlockAsync(processes[0]!, halt));
            var after = (await processes[2]!.Http.GetFromJsonAsync<JsonObject>("/api/v1/status", ct))!;
            Assert.Equal("upgrade-test", (string?)after["release"]!["version"]);
            Assert.True((bool)after["upgrade"]!["thisNodeContinues"]!);
            Assert.Null(after["halted"]);
            output.WriteLine($"halted at {halt}; release {approved.ReleaseHash.ToShortString()} resumed the chain past it");
        }
        finally
        {
            old.ForEach(p => p.Dispose());
            upgraded.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Proposes the upgrade, has two founders sponsor it and every founder vote yes, and waits until it executes.</summary>
    private async Task ApproveUpgradeAsync(LedgerClient client, SecondBuild approved, ulong halt, CancellationToken ct)
    {
        using var cast = DemoCast.Load(Path.Combine(_dir.Path, "net", "keys"), client, output.WriteLine);
        var author = cast.Founder("technical", 1);
        var sent = await client.SendAsync(author, GovernanceMessages.Upgrade(
            "Adopt release upgrade-test", "# Release upgrade-test\n\nEvery operator installs it before the halt height.", approved.Version, approved.ReleaseHash, halt), ct);
        var id = ProposalId.For(DemoCast.MemberId(author), sent.Sequence);
        await client.SendAsync(cast.Founder("government", 1), new SponsorProposal(id), ct);
        await client.SendAsync(cast.Founder("civil-society", 1), new SponsorProposal(id), ct);
        await DemoProposals.WaitForStatusAsync(cast, id, ["voting"], ct);
        var document = Hash256.Parse((string)(await client.GetAsync("proposals/" + id, ct))["documentHash"]!);
        await Task.WhenAll(cast.Everyone.Select(m => client.SendAsync(m, GovernanceMessages.Vote(id, document, YesNoBallot.Yes), ct)));
        await DemoProposals.WaitForStatusAsync(cast, id, ["executed"], ct);
    }

    public void Dispose() => _dir.Dispose();
}
