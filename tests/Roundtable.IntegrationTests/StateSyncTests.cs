using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;

namespace Roundtable.IntegrationTests;

/// <summary>
/// A full node started with an empty store joins a running chain by a validator's snapshot
/// (headers verified as a light client from genesis over the peer protocol), then catches up by
/// blocks and computes the same state roots the validators commit to. A snapshot whose entries
/// were altered (checksum recomputed, so only the root check can catch it) is refused.
/// </summary>
public sealed class StateSyncTests : IDisposable
{
    private const ulong SnapshotInterval = 10;
    private readonly ScratchDirectory _dir = new("roundtable-statesync-");

    [Fact]
    public async Task A_fresh_full_node_joins_by_snapshot_catches_up_by_blocks_serves_the_validators_state_root_and_restarts_from_what_it_kept()
    {
        const int validators = 4;
        var nodes = CreateNetwork(validators);
        var processes = new NodeProcess?[nodes.Count];
        try
        {
            for (var i = 0; i < validators; i++)
            {
                processes[i] = NodeProcess.Start(nodes[i].Home, nodes[i].ApiUrl);
            }

            foreach (var p in processes.Take(validators))
            {
                await p!.WaitUntilServingAsync();
            }

            var registered = await RegisterAsync(processes[0]!, 300);
            var committedAt = await CommittedHeightAsync(processes[0]!, registered[^1].Hash);
            await NodeWaits.AllAbove(processes, [0], committedAt + (2 * SnapshotInterval));

            var full = processes[validators] = NodeProcess.Start(nodes[validators].Home, nodes[validators].ApiUrl);
            await full.WaitUntilServingAsync();
            var joinedAt = JoinHeight(full.Output);
            Assert.True(joinedAt >= committedAt, $"joined at {joinedAt}, before the registrations of block {committedAt}:\n{full.Output}");

            await NodeWaits.AllAbove(processes, [validators], joinedAt + 3);
            await AssertServesCommittedRootAsync(full, processes[1]!);
            foreach (var (key, _) in registered.Take(3))
            {
                var account = await full.Http.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{key}");
                Assert.True((bool)account!["registered"]!, $"member {key} registered before the snapshot is not visible on the joined node");
            }

            await AssertNotKeptAsync(full, joinedAt);

            // Restarted, it loads its state from what it kept (no block at the join height) and goes on.
            full.KillHard();
            full.Dispose();
            full = processes[validators] = NodeProcess.Start(nodes[validators].Home, nodes[validators].ApiUrl);
            await full.WaitUntilServingAsync();
            Assert.DoesNotContain("Joined by snapshot", full.Output, StringComparison.Ordinal);
            var restartedAt = await full.HeightAsync();
            await NodeWaits.AllAbove(processes, [validators], restartedAt + 2);
            await AssertServesCommittedRootAsync(full, processes[2]!);
            await AssertNotKeptAsync(full, joinedAt);
        }
        finally
        {
            foreach (var p in processes)
            {
                p?.Dispose();
            }
        }
    }

    /// <summary>
    /// A value altered loads but rebuilds another root; an entry whose length breaks its bound
    /// fails the check while the file streams in, which stops the download.
    /// </summary>
    [Theory]
    [InlineData("value", "entries rebuild state root")]
    [InlineData("length", "the file does not verify")]
    public async Task A_snapshot_whose_entries_were_altered_is_refused_and_the_node_joins_by_an_older_honest_one(string altered, string reason)
    {
        var nodes = CreateNetwork(1);
        NodeProcess? validator = null;
        NodeProcess? full = null;
        try
        {
            validator = NodeProcess.Start(nodes[0].Home, nodes[0].ApiUrl);
            await validator.WaitUntilServingAsync();
            var registered = await RegisterAsync(validator, 50);
            var committedAt = await CommittedHeightAsync(validator, registered[^1].Hash);
            await NodeWaits.AllAbove([validator], [0], committedAt + (2 * SnapshotInterval));
            validator.KillHard();
            validator.Dispose();

            // The newest snapshot is altered and its checksum recomputed; the validator keeps it
            // (taking no new ones) and offers it. A value altered passes the validator's own
            // checks when it restarts; a broken length would not (it would be quarantined), so
            // that one is altered once the validator serves, as a dishonest peer would serve it.
            var home = new NodeHome(nodes[0].Home);
            var snapshots = Directory.GetFiles(home.SnapshotsDirectory, "snapshot-*.snap").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, snapshots.Count);
            if (altered == "value")
            {
                Tamper(snapshots[^1], altered);
            }

            home.SaveConfig(home.LoadConfig() with { SnapshotInterval = 0 });
            validator = NodeProcess.Start(nodes[0].Home, nodes[0].ApiUrl);
            await validator.WaitUntilServingAsync();
            if (altered != "value")
            {
                Tamper(snapshots[^1], altered);
            }

            full = NodeProcess.Start(nodes[1].Home, nodes[1].ApiUrl);
            await full.WaitUntilServingAsync();
            var tampered = HeightOf(snapshots[^1]);
            Assert.Contains($"Refused the snapshot at height {tampered}", full.Output, StringComparison.Ordinal);
            Assert.Contains(reason, full.Output, StringComparison.Ordinal);
            Assert.Equal(HeightOf(snapshots[0]), JoinHeight(full.Output));

            await NodeWaits.AllAbove([full], [0], tampered + 3);
            await AssertServesCommittedRootAsync(full, validator);
        }
        finally
        {
            full?.Dispose();
            validator?.Dispose();
        }
    }

    /// <summary>
    /// Headers cannot be verified from a genesis older than the light client's trusting period: a
    /// node given no trusted header refuses every snapshot and catches up by blocks; one whose
    /// operator names a recent header (height and block id, read from a validator) joins by a
    /// snapshot no older than that header.
    /// </summary>
    [Fact]
    public async Task On_a_chain_older_than_the_trusting_period_a_node_joins_by_snapshot_only_from_a_header_its_operator_trusts()
    {
        var nodes = CreateNetwork(1, fullNodes: 2, genesisTime: DateTimeOffset.UtcNow.AddDays(-15));
        var processes = new NodeProcess?[nodes.Count];
        try
        {
            var validator = processes[0] = NodeProcess.Start(nodes[0].Home, nodes[0].ApiUrl);
            await validator.WaitUntilServingAsync();
            await NodeWaits.AllAbove(processes, [0], (2 * SnapshotInterval) + 5);

            // Between the validator's two snapshots: the older one may not be taken.
            const ulong trustHeight = SnapshotInterval + 5;
            var (trustId, _) = await NodeWaits.BlockAsync(validator, trustHeight);
            var trustingHome = new NodeHome(nodes[2].Home);
            trustingHome.SaveConfig(trustingHome.LoadConfig() with { StateSyncTrustHeight = trustHeight, StateSyncTrustHash = trustId });

            var untrusting = processes[1] = NodeProcess.Start(nodes[1].Home, nodes[1].ApiUrl);
            await untrusting.WaitUntilServingAsync();
            Assert.Contains("older than the trusting period", untrusting.Output, StringComparison.Ordinal);
            Assert.Contains("catching up block by block from genesis", untrusting.Output, StringComparison.Ordinal);

            var trusting = processes[2] = NodeProcess.Start(nodes[2].Home, nodes[2].ApiUrl);
            await trusting.WaitUntilServingAsync();
            Assert.Contains($"verified from the trusted header {trustHeight}", trusting.Output, StringComparison.Ordinal);
            var joinedAt = JoinHeight(trusting.Output);
            Assert.True(joinedAt >= trustHeight, $"joined at {joinedAt}, below the trusted header {trustHeight}:\n{trusting.Output}");

            await NodeWaits.AllAbove(processes, [1, 2], joinedAt + 3);
            await AssertServesCommittedRootAsync(trusting, validator);
            await AssertServesCommittedRootAsync(untrusting, validator);
        }
        finally
        {
            foreach (var p in processes)
            {
                p?.Dispose();
            }
        }
    }

    /// <summary>Validators snapshot every <see cref="SnapshotInterval"/> blocks; the full nodes join by snapshot.</summary>
    private List<DevnetNode> CreateNetwork(int validators, int fullNodes = 1, DateTimeOffset? genesisTime = null)
    {
        var nodes = DevnetLayout.Create(_dir.Path, validators, DevnetPorts.FindFreeBase(validators + fullNodes), 200, genesisTime ?? DateTimeOffset.UtcNow, fullNodes: fullNodes).ToList();
        foreach (var node in nodes)
        {
            var home = new NodeHome(node.Home);
            home.SaveConfig(home.LoadConfig() with { SnapshotInterval = SnapshotInterval, StateSync = !node.IsValidator });
        }

        return nodes;
    }

    /// <summary>Registers <paramref name="count"/> members from fresh keys through <paramref name="node"/>; returns their keys and transaction hashes.</summary>
    private static async Task<List<(string Key, string Hash)>> RegisterAsync(NodeProcess node, int count)
    {
        var sent = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            using var key = PrivateKey.Generate();
            var tx = Transaction.Create(DevnetLayout.ChainId, key, 0, 1_000_000, new RegisterMember($"Member {i}", "technical", "africa", []));
            using var content = new ByteArrayContent(tx.Encoded.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await node.Http.PostAsync("/api/v1/txs", content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            sent.Add((key.PublicKey.ToString(), tx.Hash.ToString()));
        }

        return sent;
    }

    private static async Task<ulong> CommittedHeightAsync(NodeProcess node, string hash)
    {
        JsonObject? lookup = null;
        await NodeWaits.UntilAsync(async () => (string?)(lookup = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/txs/{hash}"))?["status"] == "committed", $"transaction {hash} to be committed");
        return (ulong)lookup!["height"]!;
    }

    /// <summary>The root the joined node computed after its height is the one the validators' next header commits to.</summary>
    private static async Task AssertServesCommittedRootAsync(NodeProcess joined, NodeProcess validator)
    {
        var status = (await joined.Http.GetFromJsonAsync<JsonObject>("/api/v1/status"))!;
        var height = (ulong)status["height"]!;
        await NodeWaits.AllAbove([validator], [0], height);
        var (_, committedRoot) = await NodeWaits.BlockAsync(validator, height + 1);
        Assert.Equal(committedRoot, (string)status["stateRoot"]!);
    }

    /// <summary>Blocks up to the join height were never downloaded: the API says so instead of "not yet".</summary>
    private static async Task AssertNotKeptAsync(NodeProcess joined, ulong joinedAt)
    {
        using var below = await joined.Http.GetAsync($"/api/v1/blocks/{joinedAt}");
        Assert.Equal(HttpStatusCode.NotFound, below.StatusCode);
        var problem = (await below.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("block-not-kept", (string)problem["reason"]!);
        Assert.Contains($"joined by snapshot at height {joinedAt}", (string)problem["detail"]!, StringComparison.Ordinal);
        using var kept = await joined.Http.GetAsync($"/api/v1/blocks/{joinedAt + 1}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    private static ulong JoinHeight(string output)
    {
        const string marker = "Joined by snapshot at height ";
        var at = output.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, "the node did not join by snapshot:\n" + output);
        var digits = output[(at + marker.Length)..].TakeWhile(char.IsAsciiDigit).ToArray();
        return ulong.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ulong HeightOf(string snapshotFile) =>
        ulong.Parse(Path.GetFileNameWithoutExtension(snapshotFile)["snapshot-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Flips the last byte of the first entry's value, or sets its length past every bound, and
    /// recomputes the file's checksum (docs/storage.md layout).
    /// </summary>
    private static void Tamper(string path, string altered)
    {
        var bytes = File.ReadAllBytes(path);
        const int entries = 64;
        var keyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(entries));
        var valueAt = entries + 4 + keyLength;
        var valueLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(valueAt));
        if (altered == "value")
        {
            bytes[valueAt + 4 + valueLength - 1] ^= 0x01;
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(valueAt), int.MaxValue);
        }

        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose() => _dir.Dispose();
}
