using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;
using Roundtable.Node.Tests.Support;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;
using Roundtable.Proofs.Verification;

namespace Roundtable.Node.Tests;

/// <summary>Proof bundles and light blocks served by a real node, verified with the offline verifier.</summary>
public sealed class ApiProofTests
{
    [Fact]
    public async Task A_member_record_bundle_from_a_real_node_verifies_from_the_genesis_hash_it_reports()
    {
        await using var node = await TestNode.StartAsync();
        using var member = new Member(node);
        await member.RegisterAsync("Grace");

        var bundle = await BundleAsync(node, $"/api/v1/proofs/state?key=member/{member.Id}&key=member/{new string('0', 64)}&including={await node.HeightAsync()}");
        var result = BundleVerifier.Verify(bundle, await GenesisHashAsync(node));

        Assert.True(result.IsVerified, result.Reason);
        Assert.NotNull(((StateClaim)result.Claims[0].Claim).Value);
        Assert.Null(((StateClaim)result.Claims[1].Claim).Value);
        Assert.Equal("technical", Assert.Single(result.Headers[^1].Groups).Group);
    }

    [Fact]
    public async Task A_transaction_bundle_proves_inclusion_and_can_start_from_a_trusted_block()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(3);
        using var member = new Member(node);
        var tx = member.Sign(Member.Registration());
        using (var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray()))
        {
            response.EnsureSuccessStatusCode();
        }

        await node.WaitForCommitAsync(tx.Hash.ToString());
        var trusted = await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/blocks/2");

        var fromGenesis = await BundleAsync(node, $"/api/v1/proofs/transactions/{tx.Hash}");
        var fromBlock2 = await BundleAsync(node, $"/api/v1/proofs/transactions/{tx.Hash}?trust=2");

        var claim = (TransactionClaim)Assert.Single(fromGenesis.Claims);
        Assert.Equal(tx.Encoded.ToArray(), claim.Transaction);
        Assert.True(BundleVerifier.Verify(fromGenesis, await GenesisHashAsync(node)).IsVerified);
        Assert.True(BundleVerifier.Verify(fromBlock2, Hash256.Parse((string)trusted!["id"]!)).IsVerified);
        Assert.False(BundleVerifier.Verify(fromBlock2, await GenesisHashAsync(node)).IsVerified);
    }

    [Fact]
    public async Task A_bundle_made_after_three_validator_set_changes_on_a_running_node_verifies_from_genesis()
    {
        await using var node = await TestNode.StartAsync();
        var original = node.Chain.Query(app => app.Validators.Set.Validators[0]);
        foreach (var group in new[] { "government", "civil-society", "private-sector" })
        {
            // The same key under another group: a different set (and hash) that this one node still decides.
            node.Chain.Query(app =>
            {
                app.ScheduleValidatorSet([original with { StakeholderGroup = group }]);
                return 0;
            });
            await TestNode.Until(() => Task.FromResult(node.Chain.Query(app => app.Validators.Set.Validators[0].StakeholderGroup) == group), $"the {group} set to decide");
        }

        using var member = new Member(node);
        await member.RegisterAsync("Hedy");

        var bundle = await BundleAsync(node, $"/api/v1/proofs/state?key=member/{member.Id}&including={await node.HeightAsync()}");
        var result = BundleVerifier.Verify(bundle, await GenesisHashAsync(node));

        Assert.True(result.IsVerified, result.Reason);
        Assert.Equal(3, result.ValidatorSetChanges);
        Assert.Equal("private-sector", result.Headers[^1].Groups.Single(g => g.Signers > 0).Group);
    }

    [Fact]
    public async Task Light_blocks_let_a_light_client_follow_the_node_sequentially_and_by_skipping()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(6);
        var genesis = node.Chain.Genesis;
        var source = new NodeSource(node);
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var options = new LightClientOptions { TrustingPeriodMs = ulong.MaxValue / 2 };

        var sequential = await new LightClient(genesis.ChainId, TrustedState.From(genesis), options with { Sequential = true }).SyncAsync(source, null, 6, now);
        var skipping = await new LightClient(genesis.ChainId, TrustedState.From(genesis), options).SyncAsync(source, source, 6, now);

        Assert.Equal(sequential.Trusted.BlockId, skipping.Trusted.BlockId);
        Assert.Equal(sequential.Trusted.NextValidators.Hash, skipping.Trusted.NextValidators.Hash);
        Assert.Null(skipping.Conflict);
        Assert.Equal(6, sequential.HeadersVerified);
    }

    [Theory]
    [InlineData("/api/v1/proofs/anchors/not-a-digest", 400, "invalid-digest")]
    [InlineData("/api/v1/proofs/transactions/xyz", 400, "invalid-transaction-hash")]
    [InlineData("/api/v1/proofs/state", 400, "invalid-key")]
    [InlineData("/api/v1/proofs/state?key=params&trust=yesterday", 400, "invalid-trust")]
    [InlineData("/api/v1/proofs/state?key=params&trust=999999", 409, "proof-unavailable")]
    [InlineData("/api/v1/proofs/transactions/0000000000000000000000000000000000000000000000000000000000000000", 409, "proof-unavailable")]
    [InlineData("/api/v1/proofs/state?key=params&including=999999", 409, "proof-pending")]
    [InlineData("/api/v1/proofs/state?key=params&including=-1", 400, "invalid-height")]
    [InlineData("/api/v1/light/0", 400, "invalid-height")]
    [InlineData("/api/v1/light/999999", 404, "unknown-block")]
    public async Task Bad_proof_requests_get_problem_details_with_a_reason(string path, int status, string reason)
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);

        using var response = await node.Http.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(reason, (string?)problem!["reason"]);
    }

    [Fact]
    public async Task The_json_rendering_shows_the_bundle_and_its_binary_form()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);

        var json = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proofs/anchors/{new string('a', 64)}?format=json");
        var binary = await BundleAsync(node, $"/api/v1/proofs/anchors/{new string('a', 64)}");

        Assert.Equal("roundtable-proof-bundle", (string?)json!["format"]);
        Assert.Equal("genesis", (string?)json["anchor"]!["type"]);
        Assert.False((bool)json["claims"]![0]!["exists"]!);
        Assert.Equal(binary.Anchor.Hash, ProofBundle.Decode(Convert.FromHexString((string)json["encoded"]!)).Anchor.Hash);
    }

    private static async Task<ProofBundle> BundleAsync(TestNode node, string path)
    {
        ProofBundle? bundle = null;
        await TestNode.Until(async () =>
        {
            using var response = await node.Http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.Conflict && (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason"] == "proof-pending")
            {
                return false; // the state asked for is not in a header yet: the next block brings it
            }

            response.EnsureSuccessStatusCode();
            Assert.Equal("application/vnd.roundtable.proof-bundle", response.Content.Headers.ContentType?.MediaType);
            bundle = ProofBundle.Decode(await response.Content.ReadAsByteArrayAsync());
            return true;
        }, "a proof bundle");
        return bundle!;
    }

    private static async Task<Hash256> GenesisHashAsync(TestNode node) =>
        Hash256.Parse((string)(await node.StatusAsync())["genesisHash"]!);

    /// <summary>The node's light-block endpoint as a light-client source.</summary>
    private sealed class NodeSource(TestNode node) : ILightSource
    {
        public string Name => node.Config.ApiUrl;

        public async Task<ulong> LatestHeightAsync(CancellationToken cancellation) => await node.HeightAsync();

        public async Task<LightBlock?> GetAsync(ulong height, CancellationToken cancellation)
        {
            using var response = await node.Http.GetAsync($"/api/v1/light/{height}", cancellation);
            return response.StatusCode == HttpStatusCode.NotFound ? null : LightBlock.Decode(await response.Content.ReadAsByteArrayAsync(cancellation));
        }
    }
}
