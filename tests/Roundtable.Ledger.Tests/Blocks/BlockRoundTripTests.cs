using System.Runtime.InteropServices;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Merkle;

namespace Roundtable.Ledger.Tests;

public sealed class BlockRoundTripTests
{
    public static TheoryData<int, bool> Shapes
    {
        get
        {
            var data = new TheoryData<int, bool>();
            foreach (var count in new[] { 0, 1, 2, 3, 5, 8, 17, 40 })
            {
                data.Add(count, false);
                data.Add(count, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Generated_blocks_decode_to_equal_values_and_re_encode_identically(int transactionCount, bool withLastCommit)
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var samples = new LedgerSamples((seed * 101) + transactionCount, sign: false);
            var validators = samples.ValidatorSet(1 + samples.Random.Next(12));
            var height = withLastCommit ? 2 + (ulong)samples.Random.NextInt64(long.MaxValue - 2) : 1UL;
            var block = samples.Block(height, transactionCount, validators);
            var bytes = block.ToBytes();

            var decoded = Block.Decode(bytes);

            Assert.Equal(bytes, Reencode.Block(decoded));
            Assert.Equal(block.Id, decoded.Id);
            Assert.Equal(block.Header.ToBytes(), decoded.Header.ToBytes());
            Assert.Equal(block.Header.Height, decoded.Header.Height);
            Assert.Equal(block.Header.TxRoot, decoded.Header.TxRoot);
            Assert.Equal(block.Header.Proposer, decoded.Header.Proposer);
            Assert.Equal(withLastCommit, decoded.Header.LastCommit is not null);
            Assert.Equal(block.Transactions.Select(t => t.Hash), decoded.Transactions.Select(t => t.Hash));
            if (decoded.Header.LastCommit is { } commit)
            {
                Assert.Equal(height - 1, commit.Height);
                Assert.Equal(block.Header.LastCommit!.ToBytes(), commit.ToBytes());
            }
        }
    }

    [Fact]
    public void A_block_is_encoded_once_and_ToBytes_hands_out_a_copy_of_it()
    {
        var samples = new LedgerSamples(11, sign: false);
        var block = samples.Block(3, 9, samples.ValidatorSet(4));

        var encoded = block.Encoded;
        var copy = block.ToBytes();
        copy[^1] ^= 0xff;

        Assert.True(encoded.Span == block.Encoded.Span, "the second read encoded the block again");
        Assert.Equal(Reencode.Block(block), block.Encoded.ToArray());
        Assert.NotEqual(copy, block.Encoded.ToArray());
    }

    [Fact]
    public void A_block_decoded_from_an_owned_array_serves_that_array_as_its_encoding()
    {
        var samples = new LedgerSamples(12, sign: false);
        var bytes = samples.Block(4, 7, samples.ValidatorSet(3)).ToBytes();

        var decoded = Block.DecodeOwned(bytes);

        Assert.True(MemoryMarshal.TryGetArray(decoded.Encoded, out var segment));
        Assert.Same(bytes, segment.Array);
        Assert.Equal(bytes, Reencode.Block(decoded));
    }

    [Fact]
    public void An_owned_array_that_does_not_decode_is_refused_like_any_other()
    {
        var samples = new LedgerSamples(13, sign: false);
        var bytes = samples.Block(4, 3, samples.ValidatorSet(3)).ToBytes();
        bytes[^1] ^= 0x01;

        Assert.Throws<DecodeException>(() => Block.DecodeOwned(bytes));
    }

    [Fact]
    public void The_transaction_root_is_the_RFC_6962_root_over_the_encoded_transactions()
    {
        foreach (var count in new[] { 0, 1, 2, 3, 5, 17 })
        {
            var samples = new LedgerSamples(count, sign: false);
            var block = samples.Block(2, count, samples.ValidatorSet(3));

            var expected = MerkleTree.ComputeRoot([.. block.Transactions.Select(t => t.Encoded.ToArray())]);

            Assert.Equal(expected, Block.ComputeTxRoot(block.Transactions));
        }
    }

    [Fact]
    public void A_signed_last_commit_survives_the_round_trip_and_still_verifies()
    {
        var samples = new LedgerSamples(5);
        var validators = samples.ValidatorSet(7);
        var chain = "round-trip";
        var parent = samples.Block(1, 2, validators, chain);
        var commit = samples.Commit(chain, 1, parent.Id, validators, all: true);
        var child = new Block(
            parent.Header with { Height = 2, PreviousBlockId = parent.Id, LastCommit = commit, TxRoot = Block.ComputeTxRoot([]), EvidenceRoot = Block.ComputeEvidenceRoot([]) },
            []);

        var decoded = Block.Decode(child.ToBytes());

        Assert.Null(decoded.Header.LastCommit!.Verify(chain, validators));
        Assert.Equal(parent.Id, decoded.Header.PreviousBlockId);
    }

    [Fact]
    public void Commits_and_validator_sets_round_trip_on_their_own()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var samples = new LedgerSamples(seed, sign: false);
            var validators = samples.ValidatorSet(1 + samples.Random.Next(40));
            var commit = samples.Commit(samples.ChainId(), samples.Integer(), samples.Hash(), validators);

            var commitBytes = commit.ToBytes();
            var writer = new CanonicalWriter();
            validators.Encode(writer);
            var setBytes = writer.ToArray();

            Assert.Equal(commitBytes, Reencode.Commit(Commit.Decode(commitBytes)));
            var set = Refused.DecodeValidatorSet(setBytes);
            Assert.Equal(setBytes, Reencode.ValidatorSet(set));
            Assert.Equal(validators.Hash, set.Hash);
        }
    }

    [Fact]
    public void The_tx_root_of_no_transactions_is_the_empty_RFC_6962_root()
    {
        Assert.Equal(Core.Hashing.Hash256.Compute([]), Block.ComputeTxRoot([]));
    }
}
