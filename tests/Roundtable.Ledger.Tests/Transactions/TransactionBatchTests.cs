using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

public sealed class TransactionBatchTests
{
    [Fact]
    public void A_batch_decodes_to_the_same_transactions_in_the_same_order()
    {
        using var key = PrivateKey.Generate();
        var txs = Enumerable.Range(0, 3).Select(i => Transaction.Create("roundtable-test", key, (ulong)i, 100, new RegisterMember($"Member {i}", "technical", "africa", []))).ToList();

        var decoded = TransactionBatch.Decode(TransactionBatch.Encode([.. txs.Select(t => (ReadOnlyMemory<byte>)t.Encoded.ToArray())]));

        Assert.Equal(txs.Select(t => t.Hash), decoded.Select(t => t.Hash));
    }

    [Fact]
    public void A_batch_has_the_layout_of_a_blocks_transaction_list()
    {
        // A count, then each transaction's bytes with their length (docs/encoding.md, "Transaction batches").
        var encoded = TransactionBatch.Encode([new byte[] { 7, 8 }, new byte[] { 9 }]);

        Assert.Equal(new byte[] { 2, 2, 7, 8, 1, 9 }, encoded);
    }

    [Fact]
    public void An_entry_that_is_not_a_transaction_refuses_the_whole_batch_and_names_the_entry()
    {
        using var key = PrivateKey.Generate();
        var good = Transaction.Create("roundtable-test", key, 0, 100, new RegisterMember("Ada", "technical", "africa", [])).Encoded.ToArray();

        var e = Assert.Throws<DecodeException>(() => TransactionBatch.Decode(TransactionBatch.Encode([good, new byte[] { 1, 2, 3 }])));

        Assert.StartsWith("Entry 1: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_entries_than_the_limit_or_trailing_bytes_are_refused()
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(TransactionBatch.MaxTransactions + 1);
        Assert.Throws<DecodeException>(() => TransactionBatch.Decode(writer.ToArray()));
        Assert.Throws<DecodeException>(() => TransactionBatch.Decode([0, 0]));
        Assert.Throws<ArgumentException>(() => TransactionBatch.Encode([.. Enumerable.Repeat(new ReadOnlyMemory<byte>([1]), TransactionBatch.MaxTransactions + 1)]));
    }
}
