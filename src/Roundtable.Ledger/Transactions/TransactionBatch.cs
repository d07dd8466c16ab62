using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Transactions;

/// <summary>
/// Several signed transactions in one submission, for a client that sends many (a registrar, a
/// gateway, a bulk import): a count, then each transaction's canonical bytes with their length,
/// the layout of a block's transaction list (docs/encoding.md, "Transaction batches").
/// </summary>
public static class TransactionBatch
{
    /// <summary>Most transactions in one batch.</summary>
    public const int MaxTransactions = 1000;

    /// <summary>Encodes already-encoded transactions, in order.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxTransactions"/> transactions.</exception>
    public static byte[] Encode(IReadOnlyList<ReadOnlyMemory<byte>> transactions) =>
        Encode(transactions, static t => t.Length, static (w, t) => w.WriteBytes(t.Span));

    /// <summary>Encodes transactions, in order.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxTransactions"/> transactions.</exception>
    public static byte[] Encode(IReadOnlyList<Transaction> transactions) =>
        Encode(transactions, static t => t.Encoded.Length, static (w, t) => w.WriteBytes(t.Encoded));

    private static byte[] Encode<T>(IReadOnlyList<T> transactions, Func<T, int> length, Action<CanonicalWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count > MaxTransactions)
        {
            throw new ArgumentException($"A batch holds at most {MaxTransactions} transactions, not {transactions.Count}.", nameof(transactions));
        }

        var writer = new CanonicalWriter(8 + transactions.Sum(t => length(t) + 4));
        writer.WriteList(transactions, write);
        return writer.ToArray();
    }

    /// <summary>
    /// Decodes a whole batch, or refuses it whole: an entry that is not a transaction, too many
    /// entries, or trailing bytes throw, so a caller never acts on part of a bad batch.
    /// </summary>
    /// <exception cref="DecodeException">The bytes are not a batch; the message names the entry.</exception>
    public static IReadOnlyList<Transaction> Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        var count = reader.ReadLength(MaxTransactions, "batch transaction count");
        var transactions = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = reader.ReadBytes(TransactionLimits.MaxEncodedSize, "transaction");
            try
            {
                transactions[i] = Transaction.Decode(bytes);
            }
            catch (DecodeException e)
            {
                throw new DecodeException(e.Error, $"Entry {i}: {e.Message}");
            }
        }

        reader.EnsureEnd();
        return transactions;
    }
}
