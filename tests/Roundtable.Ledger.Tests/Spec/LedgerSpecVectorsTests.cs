using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;
using V = Roundtable.Ledger.Tests.Spec.LedgerVectors;

namespace Roundtable.Ledger.Tests.Spec;

/// <summary>
/// The transaction and block test vectors of docs/encoding.md (8.7, 9.8). The bytes are read from
/// the document; the values they must encode are in <see cref="LedgerVectors"/> and the expected
/// hashes below. Both the document's hash table and its key table must match this side exactly.
/// </summary>
public sealed class LedgerSpecVectorsTests
{
    private const string SigningPayloadId = "tx-register-member-signing-payload";
    private const string ValidatorSetId = "validator-set";
    private const string VotePayloadId = "vote-signing-payload-block-1-validator-11";

    /// <summary>Transaction hashes, the validator set hash, block ids and transaction roots of the vectors.</summary>
    private static readonly Dictionary<string, string> Hashes = new(StringComparer.Ordinal)
    {
        ["tx-register-member"] = "b1126c3aaf43881e66456c099b1cc92ecdb56ac9fb8eb5d249c22d92ca645493",
        ["tx-set-guardians"] = "6adbf3e0f0f39d3603b12c214443ac0677f99cf015b155b18b4ef22042b2ff93",
        ["tx-attest-affiliation"] = "ed027f6ef6ab2c60bed896b53b4b80d0f6821e8fff84a5e324d924bdf421bbd5",
        ["tx-rotate-key"] = "c847f4d122f6acab8b4173dba46caef16b351323079f3fbe612c622c4c8a92ae",
        ["tx-approve-recovery"] = "ed7c15de0f2a79584c62920c8378ea0603cac25bf2352686766d3f800f384d08",
        ["tx-cancel-recovery"] = "e93a7d911355baf475fa766070481e7e8519ab331ca2ca18a743c03cf0dd13b4",
        ["tx-revoke-key"] = "1f806c0f6717da5febd58898aaf082043b6dda3819e27e77e00f46eb928561b4",
        ["validator-set"] = "d29ff165723b73b2c0bae2f84a14eb41ecf7a200d39fee04f637fc16cdc110a6",
        ["block-1"] = "056b5709bc0203bf5806a9e2fc8009a242bee927bfa828516609a13779712a1f",
        ["block-1-tx-root"] = "d2e9e4065bca0c5ed4747ba88ce9e795aec8b4aff82c15751629a48a2e9da988",
        ["block-2"] = "b05cf237cbf1aba45de18457d76272b4b12c36706cd0fd8f4f916deebff733ae",
        ["block-2-tx-root"] = "547f16318d5fa6937173b206964cfc1ff33f3bff6907a00ea498b54b9480f024",
    };

    private static readonly Lazy<SpecDocument> Document = new(SpecDocument.Load);

    public static TheoryData<string> TransactionIds => [.. V.Transactions.Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(TransactionIds))]
    public void Transaction_vector_decodes_re_encodes_verifies_and_has_the_documented_hash(string id)
    {
        var vector = V.Transactions.Single(t => t.Id == id);
        var bytes = Document.Value.Hex(id);

        var tx = Transaction.Decode(bytes);

        Assert.Equal(bytes, Reencode.Transaction(tx));
        Assert.True(tx.VerifySignature());
        Assert.Equal(Hashes[id], tx.Hash.ToString());

        // The bytes are exactly the documented fields (the signature, and a possession signature, are the only free parts).
        var possession = (tx.Message as RotateKey)?.Possession ?? tx.Signature;
        var expected = Transaction.FromParts(V.Chain, V.Key(vector.SenderFill).PublicKey, vector.Sequence, vector.ExpiryHeight, vector.Message(possession), tx.Signature);
        Assert.Equal(Hex.Of(bytes), Hex.Of(expected.Encoded));
        if (tx.Message is RotateKey rotate)
        {
            Assert.True(SignatureVerifier.Verify(rotate.NewKey, RotateKey.PossessionPayload(V.Chain, V.MemberId), rotate.Possession));
        }
    }

    [Fact]
    public void The_documented_signing_payload_is_the_tx_domain_and_the_unsigned_fields()
    {
        var vector = V.Transactions.Single(t => t.Id == "tx-register-member");

        var payload = Transaction.SigningPayload(V.Chain, V.Key(vector.SenderFill).PublicKey, vector.Sequence, vector.ExpiryHeight, vector.Message(null!));

        Assert.Equal(Hex.Of(Document.Value.Hex(SigningPayloadId)), Hex.Of(payload));
        Assert.True(SignatureVerifier.Verify(V.Key(vector.SenderFill).PublicKey, payload, Transaction.Decode(Document.Value.Hex(vector.Id)).Signature));
    }

    [Fact]
    public void The_validator_set_vector_is_the_documented_set_and_hash()
    {
        var set = V.Validators();
        var writer = new CanonicalWriter();
        set.Encode(writer);

        Assert.Equal(Hex.Of(Document.Value.Hex(ValidatorSetId)), Hex.Of(writer.WrittenSpan));
        Assert.Equal(Hashes[ValidatorSetId], set.Hash.ToString());
        Assert.All(set.Validators, v => Assert.Equal(Validators.StakeholderPower.PerGroup, v.Power));
    }

    [Fact]
    public void Block_1_decodes_re_encodes_and_is_the_documented_first_block()
    {
        var bytes = Document.Value.Hex("block-1");
        var transactions = V.Block1Transactions.Select(id => Transaction.Decode(Document.Value.Hex(id))).ToArray();

        var block = Block.Decode(bytes);

        Assert.Equal(bytes, Reencode.Block(block));
        var expected = new Block(V.Block1Header(Block.ComputeTxRoot(transactions)), transactions);
        Assert.Equal(Hex.Of(bytes), Hex.Of(expected.ToBytes()));
        Assert.Equal(Hashes["block-1"], block.Id.ToString());
        Assert.Equal(Hashes["block-1-tx-root"], block.Header.TxRoot.ToString());
        Assert.Equal(Core.Hashing.Hash256.Compute(block.Header.ToBytes()), block.Id);
        Assert.Null(block.Header.LastCommit);
    }

    [Fact]
    public void Block_2_carries_a_verifying_commit_of_block_1_and_its_median_time()
    {
        var block1 = Block.Decode(Document.Value.Hex("block-1"));
        var bytes = Document.Value.Hex("block-2");
        var transactions = V.Block2Transactions.Select(id => Transaction.Decode(Document.Value.Hex(id))).ToArray();
        var set = V.Validators();

        var block = Block.Decode(bytes);

        Assert.Equal(bytes, Reencode.Block(block));
        var commit = block.Header.LastCommit!;
        Assert.Null(commit.Verify(V.Chain, set));
        Assert.Equal(block1.Id, commit.BlockId);
        Assert.Equal(block1.Id, block.Header.PreviousBlockId);
        Assert.Equal(block.Header.TimeMs, commit.MedianTime(set));

        // Everything but the three precommit signatures is fixed by the documented values.
        var signers = V.ValidatorFills.Take(V.CommitTimestamps.Length).Select(f => V.Key(f).PublicKey).Order().ToArray();
        Assert.Equal(signers, commit.Signatures.Select(s => s.Validator));
        var expectedCommit = new Commit(1, 0, block1.Id, commit.Signatures.Select(s =>
            new CommitSignature(s.Validator, V.CommitTimestamps[Array.FindIndex(V.ValidatorFills, f => V.Key(f).PublicKey.Equals(s.Validator))], s.Signature)));
        var expected = new Block(V.Block2Header(block1.Id, Block.ComputeTxRoot(transactions), expectedCommit), transactions);
        Assert.Equal(Hex.Of(bytes), Hex.Of(expected.ToBytes()));
        Assert.Equal(Hashes["block-2"], block.Id.ToString());
        Assert.Equal(Hashes["block-2-tx-root"], block.Header.TxRoot.ToString());
    }

    [Fact]
    public void The_documented_vote_payload_is_what_validator_11_signed_in_the_commit()
    {
        var block1 = Block.Decode(Document.Value.Hex("block-1"));
        var commit = Block.Decode(Document.Value.Hex("block-2")).Header.LastCommit!;
        var key = V.Key(V.ValidatorFills[0]).PublicKey;

        var payload = CanonicalVote.SigningPayload(V.Chain, VoteType.Precommit, 1, 0, block1.Id, V.CommitTimestamps[0]);

        Assert.Equal(Hex.Of(Document.Value.Hex(VotePayloadId)), Hex.Of(payload));
        Assert.True(SignatureVerifier.Verify(key, payload, commit.Signatures.Single(s => s.Validator.Equals(key)).Signature));
    }

    [Fact]
    public void Document_and_tests_list_the_same_vectors_and_hashes()
    {
        string[] expectedBlocks = [.. V.Transactions.Select(t => t.Id), SigningPayloadId, ValidatorSetId, "block-1", "block-2", VotePayloadId];

        Assert.Equal(expectedBlocks.Order(StringComparer.Ordinal), Document.Value.HexIds.Order(StringComparer.Ordinal));
        Assert.Equal(Hashes.OrderBy(h => h.Key, StringComparer.Ordinal), Document.Value.Hashes.OrderBy(h => h.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_documented_keys_are_the_keys_of_the_documented_scalars()
    {
        var keys = Document.Value.Keys;

        Assert.Equal(8, keys.Count);
        foreach (var (fill, (key, id)) in keys)
        {
            var publicKey = V.Key(fill).PublicKey;
            Assert.Equal(publicKey.ToString(), key);
            Assert.Equal(publicKey.Id.ToString(), id);
        }
    }
}
