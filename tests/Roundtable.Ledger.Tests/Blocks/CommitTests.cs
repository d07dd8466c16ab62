using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests;

public sealed class CommitTests
{
    private const string Chain = "test-chain";
    private const ulong Height = 41;
    private const uint Round = 2;

    private static readonly Hash256 BlockId = Hash256.Compute("block 41"u8);

    [Fact]
    public void More_than_two_thirds_of_the_power_is_accepted()
    {
        var set = EqualSet(4);

        Assert.Null(Sign(set, 0, 1, 2).Verify(Chain, set));
        Assert.Null(Sign(set, 0, 1, 2, 3).Verify(Chain, set));
    }

    [Fact]
    public void Exactly_two_thirds_of_the_power_is_refused()
    {
        var three = EqualSet(3);
        var six = EqualSet(6);

        Assert.Contains("not more than two thirds", Sign(three, 0, 2).Verify(Chain, three), StringComparison.Ordinal);
        Assert.Contains("not more than two thirds", Sign(six, 0, 1, 3, 5).Verify(Chain, six), StringComparison.Ordinal);
        Assert.Null(Sign(six, 0, 1, 2, 3, 5).Verify(Chain, six));
    }

    [Fact]
    public void Power_not_heads_decides_the_quorum()
    {
        // Powers 1, 1, 1, 7: the big validator alone has 70%, the three small ones together only 30%.
        var set = new ValidatorSet([Validator(0, 1), Validator(1, 1), Validator(2, 1), Validator(3, 7)]);
        var big = set.IndexOf(LedgerSamples.Key(3).PublicKey);
        var small = Enumerable.Range(0, 4).Where(i => i != big).ToArray();

        Assert.Null(Sign(set, big).Verify(Chain, set));
        Assert.NotNull(Sign(set, small).Verify(Chain, set));
    }

    [Fact]
    public void A_signer_outside_the_validator_set_is_refused()
    {
        var set = EqualSet(4);
        var outsider = LedgerSamples.Key(20);
        var signatures = Sign(set, 0, 1, 2, 3).Signatures.Append(Entry(outsider, 5));

        var reason = new Commit(Height, Round, BlockId, signatures).Verify(Chain, set);

        Assert.Contains("not a validator", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_signature_is_refused()
    {
        var set = EqualSet(4);
        var good = Sign(set, 0, 1, 2, 3).Signatures;
        var cases = new (string What, CommitSignature Bad)[]
        {
            ("other timestamp", good[1] with { TimestampMs = good[1].TimestampMs + 1 }),
            ("signature of another validator", good[1] with { Signature = good[2].Signature }),
            ("signature over a prevote", good[1] with { Signature = KeyOf(good[1].Validator).Sign(CanonicalVote.SigningPayload(Chain, VoteType.Prevote, Height, Round, BlockId, good[1].TimestampMs)) }),
            ("signature for another chain", good[1] with { Signature = KeyOf(good[1].Validator).Sign(CanonicalVote.SigningPayload("other", VoteType.Precommit, Height, Round, BlockId, good[1].TimestampMs)) }),
        };

        foreach (var (what, bad) in cases)
        {
            var commit = new Commit(Height, Round, BlockId, good.Select(s => s.Validator.Equals(bad.Validator) ? bad : s));
            Assert.True(commit.Verify(Chain, set)?.Contains("invalid commit signature", StringComparison.Ordinal), what);
        }

        Assert.NotNull(Sign(set, 0, 1, 2, 3).Verify("other-chain", set));
        Assert.NotNull(new Commit(Height + 1, Round, BlockId, good).Verify(Chain, set));
        Assert.NotNull(new Commit(Height, Round + 1, BlockId, good).Verify(Chain, set));
        Assert.NotNull(new Commit(Height, Round, Hash256.Zero, good).Verify(Chain, set));
    }

    [Fact]
    public void The_same_validator_signing_twice_is_refused_as_unsorted()
    {
        // Two of four validators, each counted twice, would otherwise look like a quorum.
        var set = EqualSet(4);
        var two = Sign(set, 0, 1).Signatures;

        var reason = new Commit(Height, Round, BlockId, [.. two, .. two]).Verify(Chain, set);

        Assert.Contains("ascending validator order", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Signatures_are_kept_in_validator_key_order()
    {
        var set = EqualSet(5);
        var commit = Sign(set, 4, 2, 0, 3, 1);

        Assert.Equal(set.Validators.Select(v => v.Key), commit.Signatures.Select(s => s.Validator));
    }

    [Theory]
    [InlineData(new ulong[] { 1, 1, 1 }, new ulong[] { 30, 10, 20 }, 20)]
    [InlineData(new ulong[] { 1, 1, 5 }, new ulong[] { 10, 20, 30 }, 30)]
    [InlineData(new ulong[] { 3, 1, 1 }, new ulong[] { 10, 20, 30 }, 10)]
    [InlineData(new ulong[] { 1, 1 }, new ulong[] { 10, 20 }, 20)]
    [InlineData(new ulong[] { 1, 1, 1, 1 }, new ulong[] { 40, 10, 30, 20 }, 30)]
    [InlineData(new ulong[] { 2, 1, 1 }, new ulong[] { 10, 20, 30 }, 20)]
    [InlineData(new ulong[] { 5 }, new ulong[] { 1234 }, 1234)]
    [InlineData(new ulong[] { 1, 1, 1 }, new ulong[] { 7, 7, 9 }, 7)]
    public void Median_time_is_the_first_timestamp_past_half_of_the_signing_power(ulong[] powers, ulong[] times, ulong expected)
    {
        var set = new ValidatorSet(powers.Select((p, i) => Validator(i, p)));
        var signatures = times.Select((t, i) => Entry(LedgerSamples.Key(i), t));

        var commit = new Commit(Height, Round, BlockId, signatures);

        Assert.Equal(expected, commit.MedianTime(set));
    }

    [Fact]
    public void Byzantine_timestamps_cannot_leave_the_range_of_honest_ones()
    {
        // One of four equal validators (less than a third) reports an absurd time either way.
        var set = EqualSet(4);
        ulong[] honest = [1_000, 1_010, 1_020];
        foreach (var byzantine in new ulong[] { 0, ulong.MaxValue })
        {
            var signatures = honest.Select((t, i) => Entry(LedgerSamples.Key(i), t)).Append(Entry(LedgerSamples.Key(3), byzantine));

            var median = new Commit(Height, Round, BlockId, signatures).MedianTime(set);

            Assert.InRange(median, honest.Min(), honest.Max());
        }
    }

    [Fact]
    public void Median_time_does_not_overflow_with_total_power_near_2_to_the_64()
    {
        const ulong quarter = 1UL << 62;
        var set = new ValidatorSet([Validator(0, quarter), Validator(1, quarter), Validator(2, quarter)]);
        var signatures = new ulong[] { 10, 20, 30 }.Select((t, i) => Entry(LedgerSamples.Key(i), t));

        var commit = new Commit(Height, Round, BlockId, signatures);

        Assert.Equal(20UL, commit.MedianTime(set));
    }

    private static Validator Validator(int key, ulong power) => new(LedgerSamples.Key(key).PublicKey, $"validator {key}", "group", power);

    private static ValidatorSet EqualSet(int count) => new(Enumerable.Range(0, count).Select(i => Validator(i, 10)));

    private static PrivateKey KeyOf(PublicKey key) => LedgerSamples.PrivateFor(key);

    private static CommitSignature Entry(PrivateKey key, ulong timestamp) =>
        new(key.PublicKey, timestamp, key.Sign(CanonicalVote.SigningPayload(Chain, VoteType.Precommit, Height, Round, BlockId, timestamp)));

    /// <summary>A commit signed by the validators at the given indexes of <paramref name="set"/>.</summary>
    private static Commit Sign(ValidatorSet set, params int[] indexes) =>
        new(Height, Round, BlockId, indexes.Select(i => Entry(KeyOf(set.Validators[i].Key), 1_700_000_000_000 + (ulong)i)));
}
