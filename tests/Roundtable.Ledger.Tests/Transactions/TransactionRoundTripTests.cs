using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

public sealed class TransactionRoundTripTests
{
    private const int SeedsPerType = 60;

    public static TheoryData<MessageType> MessageTypes => [.. Enum.GetValues<MessageType>()];

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Generated_transactions_decode_to_equal_values_and_re_encode_identically(MessageType type)
    {
        for (var seed = 0; seed < SeedsPerType; seed++)
        {
            var tx = new LedgerSamples((seed * 31) + (int)type, sign: false).Transaction(type);
            var bytes = tx.Encoded.ToArray();

            var decoded = Transaction.Decode(bytes);

            Assert.Equal(tx.ChainId, decoded.ChainId);
            Assert.Equal(tx.Sender, decoded.Sender);
            Assert.Equal(tx.Sequence, decoded.Sequence);
            Assert.Equal(tx.ExpiryHeight, decoded.ExpiryHeight);
            Assert.Equal(tx.Message, decoded.Message);
            Assert.Equal(tx.Signature, decoded.Signature);
            Assert.Equal(bytes, Reencode.Transaction(decoded));
            Assert.Equal(tx.Hash, decoded.Hash);
            Assert.Equal(Hash256.Compute(bytes), decoded.Hash);
        }
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Signed_transactions_survive_the_round_trip_with_a_valid_signature(MessageType type)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var tx = new LedgerSamples(1000 + (seed * 7) + (int)type).Transaction(type);

            var decoded = Transaction.Decode(tx.Encoded);

            Assert.True(decoded.VerifySignature());
            Assert.Equal(tx.Hash, decoded.Hash);
        }
    }

    [Fact]
    public void Unicode_text_at_the_byte_limits_round_trips()
    {
        // 25 four-byte code points = exactly 100 bytes; the most profile field commitments.
        var name = string.Concat(Enumerable.Repeat("😀", 25));
        var profile = Enumerable.Range(0, ProfileField.MaxFields).Select(i => new ProfileField($"f{i:D2}", Hash256.Compute([(byte)i]))).ToArray();
        var message = new RegisterMember(name, new string('g', Identifier.MaxLength), "r", profile);
        var tx = Transaction.Create(new string('c', ChainId.MaxLength), LedgerSamples.Key(0), ulong.MaxValue, 0, message);

        var decoded = Transaction.Decode(tx.Encoded);

        Assert.Equal(message, decoded.Message);
        Assert.True(decoded.VerifySignature());
    }

    [Fact]
    public void Generator_covers_boundary_integers_and_every_message_type()
    {
        var samples = new LedgerSamples(7, sign: false);
        var txs = Enumerable.Range(0, 400).Select(_ => samples.Transaction()).ToList();

        Assert.Equal(Enum.GetValues<MessageType>().Order(), txs.Select(t => t.Message.Type).Distinct().Order());
        Assert.Contains(txs, t => t.Sequence == ulong.MaxValue || t.ExpiryHeight == ulong.MaxValue);
        Assert.Contains(txs, t => t.Sequence == 0 || t.ExpiryHeight == 0);
        Assert.Contains(txs, t => t.ChainId.Length == ChainId.MaxLength);
        Assert.Contains(txs, t => t.Message is RegisterMember { Profile.Count: ProfileField.MaxFields });
        Assert.Contains(txs, t => t.Message is SetGuardians { Guardians.Count: 0 });
    }
}
