using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests;

/// <summary>One test per rejection class of <see cref="Block.Decode"/> (and of commit and validator-set decoding).</summary>
public sealed class BlockRejectionTests
{
    private const string Chain = "test-chain";

    // version (1) ‖ chain id length (1) ‖ "test-chain" (10) → the height starts here.
    private const int HeightOffset = 12;

    private static readonly LedgerSamples Samples = new(77, sign: false);
    private static readonly ValidatorSet Validators = Samples.ValidatorSet(5);
    private static readonly Block Genesis = Samples.Block(1, 3, Validators, Chain);
    private static readonly Block Child = Samples.Block(2, 2, Validators, Chain);
    private static readonly DuplicateVoteEvidence[] SomeEvidence = [Samples.Evidence(Chain, Validators), Samples.Evidence(Chain, Validators)];
    private static readonly Block WithEvidence = new(Child.Header with { EvidenceRoot = Block.ComputeEvidenceRoot(SomeEvidence) }, Child.Transactions, SomeEvidence);

    /// <summary>A block without evidence, encoded without its final evidence count (a single 00).</summary>
    private static readonly byte[] UpToEvidence = new Block(Genesis.Header with { EvidenceRoot = Block.ComputeEvidenceRoot([]) }, Genesis.Transactions, []).ToBytes()[..^1];

    [Fact]
    public void Every_strict_prefix_is_Truncated()
    {
        foreach (var block in new[] { Genesis, Child, WithEvidence, Samples.Block(9, 0, Validators, Chain) })
        {
            var bytes = block.ToBytes();

            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.Equal(DecodeError.Truncated, Refused.Block(bytes[..length]));
            }
        }

        var commit = Child.Header.LastCommit!.ToBytes();
        for (var length = 0; length < commit.Length; length++)
        {
            Assert.Equal(DecodeError.Truncated, Refused.Commit(commit[..length]));
        }

        var set = SetBytes(Validators);
        for (var length = 0; length < set.Length; length++)
        {
            Assert.Equal(DecodeError.Truncated, Refused.ValidatorSet(set[..length]));
        }
    }

    [Fact]
    public void A_byte_after_the_value_is_TrailingBytes()
    {
        Assert.Equal(DecodeError.TrailingBytes, Refused.Block([.. Genesis.ToBytes(), 0x00]));
        Assert.Equal(DecodeError.TrailingBytes, Refused.Block([.. Child.ToBytes(), 0x01]));
        Assert.Equal(DecodeError.TrailingBytes, Refused.Commit([.. Child.Header.LastCommit!.ToBytes(), 0x00]));
        Assert.Equal(DecodeError.TrailingBytes, Refused.ValidatorSet([.. SetBytes(Validators), 0x00]));
    }

    [Fact]
    public void Sizes_and_counts_over_their_limits_are_Oversize()
    {
        var header = Genesis.Header.ToBytes();
        var cases = new (string What, byte[] Bytes)[]
        {
            ("whole block", new byte[Block.MaxEncodedSize + 1]),
            ("chain id", (Genesis.Header with { ChainId = new string('c', ChainId.MaxLength + 1) }).ToBytes()),
            ("transaction count", [.. header, .. Varint(Block.MaxTransactions + 1)]),
            ("transaction length", [.. header, 0x01, .. Varint(TransactionLimits.MaxEncodedSize + 1)]),
            ("commit signature count", [.. CommitPrefix(Child), .. CommitFieldsRaw(Child.Header.LastCommit!, ValidatorSet.MaxValidators + 1, [])]),
            ("height over 64 bits", Edit.Splice(Genesis.ToBytes(), HeightOffset, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)),
            ("evidence count", [.. UpToEvidence, .. Varint(Block.MaxEvidence + 1)]),
        };

        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.Oversize == Refused.Block(bytes), what);
        }

        Assert.Equal(DecodeError.Oversize, Refused.Commit(CommitFieldsRaw(Child.Header.LastCommit!, ValidatorSet.MaxValidators + 1, [])));
        Assert.Equal(DecodeError.Oversize, Refused.ValidatorSet(Varint(ValidatorSet.MaxValidators + 1)));
        var longName = Validators.Validators[0] with { Name = new string('n', Validator.MaxNameBytes + 1) };
        Assert.Equal(DecodeError.Oversize, Refused.ValidatorSet(SetBytes(longName)));
    }

    [Fact]
    public void Overlong_varints_unsorted_signatures_marker_2_and_high_S_are_NonCanonical()
    {
        var commit = Child.Header.LastCommit!;
        Assert.True(commit.Signatures.Count >= 2, "the sample commit needs two signatures");
        var reversed = commit.Signatures.Reverse().ToArray();
        var duplicated = new[] { commit.Signatures[0], commit.Signatures[0] };
        var genesis = Genesis.ToBytes();
        var markerOffset = Genesis.Header.ToBytes().Length - 1;
        var withTx = Samples.Block(1, 1, Validators, Chain);
        var txLengthOffset = withTx.Header.ToBytes().Length + 1;
        var txBytes = withTx.Transactions[0].Encoded.ToArray();
        var overlongTx = OverlongSequence(withTx.Transactions[0]);

        var cases = new (string What, byte[] Bytes)[]
        {
            ("overlong height", Edit.Splice(genesis, HeightOffset, 1, 0x81, 0x00)),
            ("overlong transaction count", Edit.Splice(genesis, markerOffset + 1, 1, 0x83, 0x00)),
            ("overlong transaction length", Edit.Splice(withTx.ToBytes(), txLengthOffset, Varint((ulong)txBytes.Length).Length, Overlong((ulong)txBytes.Length))),
            ("overlong varint inside a transaction", [.. withTx.Header.ToBytes(), 0x01, .. Varint((ulong)overlongTx.Length), .. overlongTx]),
            ("optional commit marker 2", Edit.Set(genesis, markerOffset, 2)),
            ("optional commit marker ff", Edit.Set(genesis, markerOffset, 0xff)),
            ("unsorted commit signatures", [.. CommitPrefix(Child), .. CommitFields(commit, reversed.Length, reversed), 0x00]),
            ("duplicate commit signatures", [.. CommitPrefix(Child), .. CommitFields(commit, 2, duplicated), 0x00]),
            ("high-S commit signature", [.. CommitPrefix(Child), .. CommitFieldsRaw(commit, 1, [HighSEntry(commit.Signatures[0])]), 0x00]),
            ("evidence votes out of order", [.. UpToEvidence, 0x01, .. Canonical.ToBytes(SomeEvidence[0].Second), .. Canonical.ToBytes(SomeEvidence[0].First)]),
        };

        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.NonCanonical == Refused.Block(bytes), what);
        }

        Assert.Equal(DecodeError.NonCanonical, Refused.Commit(CommitFields(commit, reversed.Length, reversed)));
        var set = Validators.Validators;
        Assert.Equal(DecodeError.NonCanonical, Refused.ValidatorSet(SetBytes([.. set.Reverse()])));
        Assert.Equal(DecodeError.NonCanonical, Refused.ValidatorSet(SetBytes(set[0], set[0])));
    }

    [Fact]
    public void Unknown_versions_and_algorithms_are_UnknownType()
    {
        var genesis = Genesis.ToBytes();
        var header = Genesis.Header.ToBytes();
        var proposerOffset = header.Length - 1 - PublicKey.EncodedSize;
        var commit = Child.Header.LastCommit!;
        var firstSignatureKey = CommitPrefix(Child).Length + CommitFieldsRaw(commit, commit.Signatures.Count, []).Length;
        var child = Child.ToBytes();
        var withTx = Samples.Block(1, 1, Validators, Chain);
        var txStart = withTx.Header.ToBytes().Length + 1 + Varint((ulong)withTx.Transactions[0].Encoded.Length).Length;

        var cases = new (string What, byte[] Bytes)[]
        {
            ("header version 0", Edit.Set(genesis, 0, 0)),
            ("header version 2", Edit.Set(genesis, 0, 2)),
            ("proposer key algorithm 2", Edit.Set(genesis, proposerOffset, 2)),
            ("commit signer key algorithm 2", Edit.Set(child, firstSignatureKey, 2)),
            ("commit signature algorithm 2", Edit.Set(child, firstSignatureKey + PublicKey.EncodedSize + Varint(commit.Signatures[0].TimestampMs).Length, 2)),
            ("transaction version 2", Edit.Set(withTx.ToBytes(), txStart, 2)),
            ("evidence vote type 3", [.. UpToEvidence, 0x01, .. Edit.Set(Canonical.ToBytes(SomeEvidence[0]), 0, 3)]),
        };

        Assert.Equal((byte)SignatureAlgorithm.EcdsaP256Sha256, genesis[proposerOffset]);
        Assert.Equal(commit.Signatures[0].Validator.Encoded.ToArray(), child[firstSignatureKey..(firstSignatureKey + PublicKey.EncodedSize)]);
        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.UnknownType == Refused.Block(bytes), what);
        }

        Assert.Equal(DecodeError.UnknownType, Refused.ValidatorSet(Edit.Set(SetBytes(Validators), 1, 2)));
    }

    [Fact]
    public void Impossible_headers_and_mismatched_roots_are_InvalidValue()
    {
        var commit = Child.Header.LastCommit!;
        var cases = new (string What, Block Block)[]
        {
            ("bad chain id", new Block(Genesis.Header with { ChainId = "Test" }, Genesis.Transactions)),
            ("height 0", new Block(Genesis.Header with { Height = 0 }, Genesis.Transactions)),
            ("height 1 with a commit", new Block(Genesis.Header with { LastCommit = new Commit(0, 0, Hash256.Zero, commit.Signatures) }, Genesis.Transactions)),
            ("height 2 without a commit", new Block(Child.Header with { LastCommit = null }, Child.Transactions)),
            ("commit for the wrong height", new Block(Child.Header with { Height = 5 }, Child.Transactions)),
            ("tx root of other transactions", new Block(Genesis.Header with { TxRoot = Block.ComputeTxRoot(Child.Transactions) }, Genesis.Transactions)),
            ("transactions reordered", new Block(Genesis.Header, Genesis.Transactions.Reverse())),
            ("a transaction missing", new Block(Genesis.Header, Genesis.Transactions.Skip(1))),
            ("transaction with a bad identifier", WithTransaction(new RegisterMember("Ada", "Civil", "europe", []))),
            ("transaction with an empty display name", WithTransaction(new RegisterMember(string.Empty, "civil", "europe", []))),
            ("evidence not in the evidence root", new Block(Child.Header with { EvidenceRoot = Block.ComputeEvidenceRoot([]) }, Child.Transactions, SomeEvidence)),
            ("evidence root without evidence", new Block(WithEvidence.Header, WithEvidence.Transactions, [])),
        };

        foreach (var (what, block) in cases)
        {
            Assert.True(DecodeError.InvalidValue == Refused.Block(block.ToBytes()), what);
        }

        var noPower = Validators.Validators[0] with { Power = 0 };
        Assert.Equal(DecodeError.InvalidValue, Refused.ValidatorSet(SetBytes(noPower)));
        Assert.Equal(DecodeError.InvalidValue, Refused.ValidatorSet([0x00]));
        Assert.Equal(DecodeError.InvalidValue, Refused.ValidatorSet(SetBytes(Validators.Validators[0] with { StakeholderGroup = "Group" })));
    }

    private static Block WithTransaction(TxMessage message)
    {
        var tx = Transaction.FromParts(Chain, LedgerSamples.Key(0).PublicKey, 0, 10, message, Samples.RandomSignature());
        return new Block(Genesis.Header with { TxRoot = Block.ComputeTxRoot([tx]) }, [tx]);
    }

    private static byte[] Varint(ulong value)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(value);
        return writer.ToArray();
    }

    /// <summary><paramref name="value"/> as a varint one byte longer than its minimal form.</summary>
    private static byte[] Overlong(ulong value)
    {
        var minimal = Varint(value);
        minimal[^1] |= 0x80;
        return [.. minimal, 0x00];
    }

    private static byte[] SetBytes(params Validator[] validators)
    {
        var writer = new CanonicalWriter();
        writer.WriteList(validators, static (w, v) => v.Encode(w));
        return writer.ToArray();
    }

    private static byte[] SetBytes(ValidatorSet set) => SetBytes([.. set.Validators]);

    /// <summary>The header of <paramref name="block"/> up to and including the commit's presence marker.</summary>
    private static byte[] CommitPrefix(Block block)
    {
        var header = block.Header.ToBytes();
        return header[..^block.Header.LastCommit!.ToBytes().Length];
    }

    /// <summary>A commit's fields with a chosen count and signature list, in the order given (no sorting).</summary>
    private static byte[] CommitFieldsRaw(Commit commit, int count, IReadOnlyList<byte[]> signatures)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(commit.Height);
        writer.WriteVarUInt(commit.Round);
        writer.WriteHash(commit.BlockId);
        writer.WriteVarUInt((ulong)count);
        foreach (var signature in signatures)
        {
            writer.WriteFixed(signature);
        }

        return writer.ToArray();
    }

    private static byte[] CommitFields(Commit commit, int count, IReadOnlyList<CommitSignature> signatures) =>
        CommitFieldsRaw(commit, count, [.. signatures.Select(Entry)]);

    private static byte[] Entry(CommitSignature signature)
    {
        var writer = new CanonicalWriter();
        signature.Encode(writer);
        return writer.ToArray();
    }

    private static byte[] HighSEntry(CommitSignature signature)
    {
        var entry = Entry(signature);
        return [.. entry[..^Signature.EncodedSize], .. HighS.Twin(signature.Signature)];
    }

    /// <summary>The transaction with its one-byte sequence replaced by a two-byte overlong form.</summary>
    private static byte[] OverlongSequence(Transaction tx)
    {
        var fresh = Transaction.FromParts(tx.ChainId, tx.Sender, 5, tx.ExpiryHeight, tx.Message, tx.Signature).Encoded.ToArray();
        var offset = 1 + Varint((ulong)tx.ChainId.Length).Length + tx.ChainId.Length + PublicKey.EncodedSize;
        Assert.Equal(5, fresh[offset]);
        return Edit.Splice(fresh, offset, 1, 0x85, 0x00);
    }
}
