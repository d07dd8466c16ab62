using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Validators;
using Roundtable.Node.Chain;
using Xunit.Abstractions;

namespace Roundtable.IntegrationTests;

public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public async Task Node_killed_at_random_moments_never_loses_a_committed_transaction_and_keeps_producing()
    {
        var seed = Environment.GetEnvironmentVariable("CRASH_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with CRASH_SEED={seed})");
        var random = new Random(seed);
        using var home = new TestHome();
        var load = new RegistrationLoad();
        ulong lastHeight = 0;

        for (var round = 0; round < Kills; round++)
        {
            using var node = home.StartNode();
            await node.WaitUntilServingAsync();
            var restartedAt = await node.HeightAsync();
            Assert.True(restartedAt >= lastHeight, $"seed {seed}, round {round}: restarted at height {restartedAt} after reaching {lastHeight}.\n{node.Output}");
            await AssertCommittedSurvive(node, load, seed, round);

            using var stopLoad = new CancellationTokenSource();
            var committedBefore = load.CommittedCount;
            var loading = load.RunAsync(node.Http, stopLoad.Token);
            // Each round must commit something before its kill, or a slow machine turns the test into
            // twenty restarts of an idle node; the kill moment after that stays random.
            await NodeWaits.UntilAsync(() => Task.FromResult(load.CommittedCount > committedBefore), $"a commit in round {round} (seed {seed})");
            await Task.Delay(random.Next(0, 1500));
            node.KillHard();
            await stopLoad.CancelAsync();
            await loading;
            lastHeight = Math.Max(lastHeight, restartedAt);
        }

        using (var final = home.StartNode())
        {
            await final.WaitUntilServingAsync();
            await AssertCommittedSurvive(final, load, seed, Kills);
            var resumed = await final.HeightAsync();
            await NodeWaits.UntilAsync(async () => await final.HeightAsync() > resumed + 3, "block production after the last restart");
            final.KillHard();
        }

        AssertChainIntact(home, seed);
        output.WriteLine($"{load.Committed.Count} committed transactions survived {Kills} SIGKILLs");
    }

    private static async Task AssertCommittedSurvive(NodeProcess node, RegistrationLoad load, int seed, int round)
    {
        foreach (var (hash, height) in load.Committed)
        {
            var doc = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/txs/{hash}");
            Assert.True((string?)doc?["status"] == "committed" && (ulong)doc!["height"]! == height,
                $"seed {seed}, round {round}: transaction {hash} committed at {height} is now {doc?.ToJsonString()}");
        }
    }

    /// <summary>Reads the store directly: every block links to its parent and carries a valid commit for it.</summary>
    private static void AssertChainIntact(TestHome home, int seed)
    {
        using var store = ChainStore.Open(home.Home.BlocksDirectory, out _);
        StoredBlock? previous = null;
        for (ulong h = 1; h <= store.LastHeight; h++)
        {
            var block = store.Read(h) ?? throw new InvalidOperationException($"seed {seed}: block {h} missing");
            var header = block.Block.Header;
            Assert.Equal(h, header.Height);
            if (previous is not null)
            {
                Assert.Equal(previous.Block.Id, header.PreviousBlockId);
                Assert.Equal(previous.Block.Id, header.LastCommit!.BlockId);
                Assert.True(header.TimeMs > previous.Block.Header.TimeMs, $"seed {seed}: time went backwards at {h}");
            }

            var validators = new ValidatorSet([new Validator(header.Proposer, "v", "technical", StakeholderPower.PerGroup)]);
            Assert.Null(block.Commit.Verify(TestHome.ChainId, validators));
            previous = block;
        }
    }
}
