using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Node.Devnet;
using Roundtable.Node.PersonalData;

namespace Roundtable.IntegrationTests;

/// <summary>
/// Personal data on a four-validator devnet, driven through the public API: a member publishes a
/// profile value, every node comes to hold it (sent to one, passed on by gossip), the member
/// withdraws it, and afterwards no file under any node's home (blocks, WAL, snapshots, stores,
/// keys) and no node's log holds the value or its salt, while the chain still verifies.
/// </summary>
public sealed class PersonalDataEndToEndTests : IDisposable
{
    private readonly ScratchDirectory _dir = new("roundtable-personal-");

    [Fact]
    public async Task A_withdrawn_profile_value_is_gone_from_every_file_of_every_node_and_the_chain_still_agrees()
    {
        var nodes = DevnetLayout.Create(_dir.Path, 4, DevnetPorts.FindFreeBase(4), 200, DateTimeOffset.UtcNow);
        var processes = nodes.Select(n => NodeProcess.Start(n.Home, n.ApiUrl)).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        try
        {
            foreach (var p in processes)
            {
                await p.WaitUntilServingAsync();
            }

            var client = new LedgerClient(processes[0].Http);
            await client.WaitForHeightAboveAsync(1, TimeSpan.FromSeconds(60), ct);
            using var member = PrivateKey.Generate();
            const string Secret = "Organisation Confidentielle Nº 7f3a-e2e";
            var disclosure = FreshDisclosure.Of("organisation", Secret);
            var registered = await client.SendAsync(member, new RegisterMember("Private Person", "civil-society", "africa", [new ProfileField("organisation", disclosure.Commitment)]), ct);
            Assert.True(registered.Ok, registered.Reason);
            await NodeWaits.AllAbove([.. processes], [0, 1, 2, 3], registered.Height - 1);

            await client.DiscloseAsync([disclosure], ct);
            foreach (var p in processes)
            {
                await NodeWaits.UntilAsync(async () => (string?)(await FieldAsync(p, disclosure))["value"] == Secret, $"the value on {p.Http.BaseAddress}");
            }

            // Before the withdrawal the search finds the value: in each node's erasable store and nowhere else.
            var holding = FilesHolding([Encoding.UTF8.GetBytes(Secret)]);
            Assert.Equal(4, holding.Count);
            Assert.All(holding, path => Assert.Contains($"{Path.DirectorySeparatorChar}personal-data{Path.DirectorySeparatorChar}", path, StringComparison.Ordinal));

            var withdrawn = await client.SendAsync(member, new WithdrawPersonalField(disclosure.Commitment), ct);
            Assert.True(withdrawn.Ok, withdrawn.Reason);
            foreach (var p in processes)
            {
                await NodeWaits.UntilAsync(async () => (string?)(await FieldAsync(p, disclosure))["status"] == "withdrawn by its owner", $"the withdrawal on {p.Http.BaseAddress}");
                var field = await FieldAsync(p, disclosure);
                Assert.Null(field["value"]);
                Assert.Equal(withdrawn.Height, (ulong)field["withdrawnAtHeight"]!);
            }

            var traces = new[] { Encoding.UTF8.GetBytes(Secret), disclosure.Salt, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(disclosure.Salt)) };
            await NodeWaits.UntilAsync(() => Task.FromResult(FilesHolding(traces).Count == 0), "the erasure on every node");
            await NodeWaits.AssertSameChainAsync(processes);
            var again = await Assert.ThrowsAsync<LedgerClientException>(() => client.DiscloseAsync([disclosure], ct));
            Assert.Contains("withdrawn", again.Message, StringComparison.Ordinal);

            processes.ForEach(p => p.Dispose());
            Assert.Empty(FilesHolding(traces));
            Assert.All(processes, p => Assert.DoesNotContain(Secret, p.Output, StringComparison.Ordinal));
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<JsonObject> FieldAsync(NodeProcess node, Ledger.PersonalData.Disclosure disclosure) =>
        (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/personal-fields/{disclosure.Commitment}"))!;

    /// <summary>Every file under the devnet directory that contains any of <paramref name="traces"/>.</summary>
    private List<string> FilesHolding(byte[][] traces) =>
        [.. Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).Where(path =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                return false;
            }

            return traces.Any(t => bytes.AsSpan().IndexOf(t) >= 0);
        })];
}
