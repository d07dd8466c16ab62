using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Peers;

namespace Roundtable.Node.Tests.Peers;

public sealed class WireCodecTests
{
    [Fact]
    public void Status_round_trips_through_its_wire_type()
    {
        var decoded = WireCodec.Decode(WireType.Status, Canonical.ToBytes(new StatusMessage(42)));

        Assert.Equal(new StatusMessage(42), decoded);
    }

    [Fact]
    public void Unknown_wire_type_is_a_typed_decode_error()
    {
        var e = Assert.Throws<DecodeException>(() => WireCodec.Decode(200, [0x01]));

        Assert.Equal(DecodeError.UnknownType, e.Error);
    }

    [Fact]
    public void Trailing_bytes_after_a_message_are_refused()
    {
        byte[] payload = [.. Canonical.ToBytes(new BlockRequestMessage(7)), 0x00];

        var e = Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.BlockRequest, payload));

        Assert.Equal(DecodeError.TrailingBytes, e.Error);
    }

    [Fact]
    public void A_payload_decoded_as_another_type_is_refused_not_misread()
    {
        // A status message's bytes are a single varint: far too short to be a vote.
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.Vote, Canonical.ToBytes(new StatusMessage(42))));
    }

    [Fact]
    public void Hash_lists_round_trip_as_announcement_and_requests_within_their_bounds()
    {
        var hashes = Enumerable.Range(0, HashesMessage.MaxHashes).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();
        var payload = Canonical.ToBytes(new HashesMessage(hashes));

        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.TransactionAnnounce, payload)).Hashes);
        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.TransactionRequest, payload)).Hashes);
        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.DisclosureRequest, payload)).Hashes);

        // One hash too many, or none, is refused before anything is allocated for it.
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(HashesMessage.MaxHashes + 1);
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionAnnounce, writer.ToArray()));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionRequest, [0x00]));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.DisclosureRequest, [0x00]));
        Assert.Throws<ArgumentException>(() => new HashesMessage([]));
    }

    [Fact]
    public void Many_hashes_are_split_into_messages_of_at_most_the_bound()
    {
        var hashes = Enumerable.Range(0, (2 * HashesMessage.MaxHashes) + 1).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();

        var messages = HashesMessage.Chunk(hashes).ToList();

        Assert.Equal([HashesMessage.MaxHashes, HashesMessage.MaxHashes, 1], messages.Select(m => m.Hashes.Count));
        Assert.Equal(hashes, messages.SelectMany(m => m.Hashes));
    }

    [Fact]
    public void A_transaction_batch_round_trips_in_order_and_an_empty_or_damaged_one_is_refused()
    {
        var transactions = Transactions(5, padding: 0);
        var payload = new TransactionsMessage(transactions).ToBytes();

        var decoded = (TransactionsMessage)WireCodec.Decode(WireType.TransactionBatch, payload);

        Assert.Equal(transactions.Select(t => t.Hash), decoded.Transactions.Select(t => t.Hash));
        Assert.Equal(payload, decoded.ToBytes());
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionBatch, [0x00])).Error);
        Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionBatch, [.. payload, 0x00])).Error);
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionBatch, payload.AsSpan(0, payload.Length - 1)));
        Assert.Throws<ArgumentException>(() => new TransactionsMessage([]));
    }

    [Fact]
    public void Transactions_are_split_into_messages_bounded_by_count_and_by_bytes()
    {
        var many = Transactions(TransactionBatch.MaxTransactions + 1, padding: 0);
        var byCount = TransactionsMessage.Chunk(many).ToList();
        Assert.Equal([TransactionBatch.MaxTransactions, 1], byCount.Select(m => m.Transactions.Count));
        Assert.Equal(many.Select(t => t.Hash), byCount.SelectMany(m => m.Transactions).Select(t => t.Hash));

        // About 40 KB each: a message holds as many as fit in MaxBytes, and the next starts a new one.
        var large = Transactions(60, padding: 40_000);
        var bySize = TransactionsMessage.Chunk(large).ToList();
        Assert.True(bySize.Count > 1);
        Assert.All(bySize, m => Assert.InRange(m.Transactions.Sum(t => t.Encoded.Length), 1, TransactionsMessage.MaxBytes));
        Assert.All(bySize.SkipLast(1), m => Assert.True(m.Transactions.Sum(t => t.Encoded.Length) + large[0].Encoded.Length > TransactionsMessage.MaxBytes));
        Assert.Equal(large.Select(t => t.Hash), bySize.SelectMany(m => m.Transactions).Select(t => t.Hash));
    }

    // Registrations, or with padding proposals whose inline text is that long.
    private static Transaction[] Transactions(int count, int padding)
    {
        var key = PrivateKey.Generate();
        TxMessage Message(int i) => padding == 0
            ? new RegisterMember("Ada " + i, "technical", "africa", [])
            : new SubmitProposal("Large " + i, ProposalDocument.Inline(new string('x', padding)), new Recommendation(), Hash256.Zero, false);
        return [.. Enumerable.Range(0, count).Select(i => Transaction.Create("wire-test", key, (ulong)i, 1_000, Message(i)))];
    }
}
