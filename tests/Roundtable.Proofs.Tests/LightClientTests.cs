using Roundtable.Proofs.LightClient;
using Roundtable.Proofs.Tests.Support;

namespace Roundtable.Proofs.Tests;

public sealed class LightClientTests
{
    private const ulong Now = SignedChain.GenesisTimeMs + 3_600_000;

    [Fact]
    public async Task Skipping_and_sequential_verification_agree_across_validator_set_changes()
    {
        var chain = Chains.WithThreeSetChanges();
        chain.AppendEmpty(40);
        var skipping = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis));
        var sequential = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis), new LightClientOptions { Sequential = true });

        var fast = await skipping.SyncAsync(new ChainSource(chain), null, null, Now);
        var slow = await sequential.SyncAsync(new ChainSource(chain), null, null, Now);

        Assert.Equal(chain.Read(chain.LastHeight)!.Header.Id, fast.Target.Id);
        Assert.Equal(fast.Trusted, slow.Trusted);
        Assert.Equal((int)chain.LastHeight, slow.HeadersVerified);
        Assert.True(fast.HeadersVerified < slow.HeadersVerified, $"skipping checked {fast.HeadersVerified} headers, sequential {slow.HeadersVerified}");
    }

    [Fact]
    public async Task Skipping_bisects_when_less_than_a_third_of_the_trusted_set_signed_the_far_header()
    {
        var chain = new SignedChain();
        chain.AppendEmpty(10);
        chain.ChangeValidatorsAt(20, chain.NewSet(4, keySeed: 7)); // no validator in common with genesis
        chain.AppendEmpty(30);
        var source = new ChainSource(chain);
        var client = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis));

        var result = await client.SyncAsync(source, null, 40, Now);

        Assert.Equal(40UL, result.Trusted.Height);
        Assert.True(source.Requested.Count > 1, "the first skip cannot be trusted and must bisect");
        Assert.Contains(source.Requested, h => h < 20);
    }

    [Fact]
    public async Task A_header_signed_by_keys_outside_the_trusted_validators_is_refused()
    {
        var chain = new SignedChain();
        chain.AppendEmpty(2);
        var forger = new SignedChain(keySeed: 42); // same chain id, other validators
        forger.AppendEmpty(3);
        var client = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis), new LightClientOptions { Sequential = true });

        var error = await Assert.ThrowsAsync<LightClientException>(() => client.SyncAsync(new ChainSource(forger, "liar"), null, 3, Now));

        Assert.Contains("liar, header 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_serving_a_second_validly_signed_header_for_the_same_height_is_reported_as_conflicting_commits()
    {
        var honest = new SignedChain();
        honest.AppendEmpty(5);
        honest.Append(writes: [("anchor/x", "one history")]);
        honest.AppendEmpty(2);
        var fork = new SignedChain(); // the same validators sign another history from block 7 on
        fork.AppendEmpty(5);
        fork.Append(writes: [("anchor/x", "another history")]);
        fork.AppendEmpty(2);
        var client = new LightClient.LightClient(honest.ChainId, TrustedState.From(honest.Genesis));

        var result = await client.SyncAsync(new ChainSource(honest), new ChainSource(fork, "witness"), 8, Now);

        Assert.NotNull(result.Conflict);
        Assert.NotEqual(result.Conflict.Primary.Header.Id, result.Conflict.Witness.Header.Id);
        Assert.Equal(honest.Genesis.Validators.Validators.Select(v => v.Key), result.Conflict.DoubleSigners);
    }

    [Fact]
    public async Task A_witness_that_serves_an_unverifiable_header_is_a_faulty_witness_not_evidence()
    {
        var honest = new SignedChain();
        honest.AppendEmpty(4);
        var stranger = new SignedChain(keySeed: 3);
        stranger.AppendEmpty(4);
        var client = new LightClient.LightClient(honest.ChainId, TrustedState.From(honest.Genesis));

        var result = await client.SyncAsync(new ChainSource(honest), new ChainSource(stranger, "witness"), 4, Now);

        Assert.Null(result.Conflict);
        Assert.Contains("does not verify", result.WitnessProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_header_older_than_the_trusting_period_is_not_built_on()
    {
        var chain = new SignedChain();
        chain.AppendEmpty(3);
        var client = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis), new LightClientOptions { TrustingPeriodMs = 60_000 });

        var error = await Assert.ThrowsAsync<LightClientException>(() => client.SyncAsync(new ChainSource(chain), null, 3, Now));

        Assert.Contains("trusting period", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_from_the_future_of_the_clock_is_refused()
    {
        var chain = new SignedChain();
        chain.AppendEmpty(3);
        var client = new LightClient.LightClient(chain.ChainId, TrustedState.From(chain.Genesis));

        var error = await Assert.ThrowsAsync<LightClientException>(() => client.SyncAsync(new ChainSource(chain), null, 3, SignedChain.GenesisTimeMs - 60_000));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }
}
