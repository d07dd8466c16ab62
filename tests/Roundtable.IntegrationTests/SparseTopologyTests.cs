using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Devnet;

namespace Roundtable.IntegrationTests;

/// <summary>
/// Four validator processes on a ring (each peers with two others) and a full node hanging off one
/// of them. Votes and blocks reach validators that are not peers by relay: with one validator
/// down, the two on either side of the gap are connected only through the fourth, and the chain
/// still needs all three of them. The full node follows without voting and serves the same chain,
/// and a transaction given to it reaches a validator two hops away (by announcement and request).
/// </summary>
public sealed class SparseTopologyTests : IDisposable
{
    private const int Validators = 4;
    private readonly ScratchDirectory _dir = new("roundtable-ring-");

    [Fact]
    public async Task A_ring_of_validators_commits_by_relay_even_with_one_down_a_full_node_follows_and_transactions_cross_two_hops()
    {
        var nodes = DevnetLayout.Create(_dir.Path, Validators, DevnetPorts.FindFreeBase(Validators + 1), 200, DateTimeOffset.UtcNow, fullNodes: 1, topology: DevnetTopology.Ring);
        var processes = new NodeProcess?[nodes.Count];
        try
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                processes[i] = NodeProcess.Start(nodes[i].Home, nodes[i].ApiUrl);
            }

            foreach (var p in processes)
            {
                await p!.WaitUntilServingAsync();
            }

            await NodeWaits.AllAbove(processes, [0, 1, 2, 3, 4], 5);
            var full = processes[Validators]!;
            Assert.Equal(Validators, ((JsonArray)(await full.Http.GetFromJsonAsync<JsonObject>("/api/v1/status"))!["validators"]!).Count);

            // node-1 stops: node-0 and node-2 are no one's neighbours but node-1's and node-3's,
            // and three votes of four are needed, so every height now needs node-3 to relay.
            processes[1]!.KillHard();
            var atKill = await processes[0]!.HeightAsync();
            await NodeWaits.AllAbove(processes, [0, 2, 3, 4], atKill + 5);

            // A transaction given to the full node is committed by the validators.
            using var key = PrivateKey.Generate();
            var tx = Transaction.Create(DevnetLayout.ChainId, key, 0, 1_000_000, new RegisterMember("Relayed Registrant", "technical", "africa", []));
            await SubmitAsync(full, tx);

            await NodeWaits.UntilAsync(async () => (string?)(await processes[2]!.Http.GetFromJsonAsync<JsonObject>($"/api/v1/txs/{tx.Hash}"))?["status"] == "committed", "the full node's transaction to be committed");

            var common = await NodeWaits.AssertSameChainAsync([processes[0]!, processes[2]!, processes[3]!, full]);
            Assert.True(common > atKill + 5);

            // node-2 stops too: two votes of four commit nothing, so a transaction stays pending
            // wherever it arrives. Given to the full node (a peer of node-0 only), it reaches
            // node-3 only if node-0 passes on what a peer gave it.
            processes[2]!.KillHard();
            using var laterKey = PrivateKey.Generate();
            var pending = Transaction.Create(DevnetLayout.ChainId, laterKey, 0, 1_000_000, new RegisterMember("Two Hops Away", "technical", "africa", []));
            await SubmitAsync(full, pending);
            await NodeWaits.UntilAsync(async () => (string?)(await processes[3]!.Http.GetFromJsonAsync<JsonObject>($"/api/v1/txs/{pending.Hash}"))?["status"] == "pending", "the transaction to reach node-3, two hops from the full node");
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

    private static async Task SubmitAsync(NodeProcess node, Transaction tx)
    {
        using var content = new ByteArrayContent(tx.Encoded.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await node.Http.PostAsync("/api/v1/txs", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
