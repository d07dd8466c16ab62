using Roundtable.Core.Encoding;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Node.Peers;

/// <summary>
/// Several whole transactions in one message (<see cref="WireType.TransactionBatch"/>), in the
/// layout of a <see cref="TransactionBatch"/>: how a node pushes the client transactions of one
/// relay flush to a peer, and answers a request for announced ones. One frame instead of one per
/// transaction saves each receiver a frame read, a queue hop and a dispatch per transaction
/// (docs/network.md §10).
/// </summary>
public sealed record TransactionsMessage
{
    /// <summary>Most encoded bytes of transactions gathered into one message, well under the 4 MiB frame limit.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentException">No transaction, or more than <see cref="TransactionBatch.MaxTransactions"/>.</exception>
    public TransactionsMessage(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count is 0 or > TransactionBatch.MaxTransactions)
        {
            throw new ArgumentException($"A message carries 1 to {TransactionBatch.MaxTransactions} transactions, not {transactions.Count}.", nameof(transactions));
        }

        Transactions = transactions;
    }

    /// <summary>The transactions, in the sender's order (a sender's sequence numbers in turn).</summary>
    public IReadOnlyList<Transaction> Transactions { get; }

    /// <summary>The canonical bytes: a count, then each transaction's bytes with their length.</summary>
    public byte[] ToBytes() => TransactionBatch.Encode(Transactions);

    /// <summary>Decodes a message, or refuses it whole (an empty one included).</summary>
    /// <exception cref="DecodeException">The bytes are not a non-empty transaction batch.</exception>
    public static TransactionsMessage Decode(ReadOnlySpan<byte> payload)
    {
        var transactions = TransactionBatch.Decode(payload);
        return transactions.Count == 0
            ? throw new DecodeException(DecodeError.InvalidValue, "A transaction message carries at least one transaction.")
            : new TransactionsMessage(transactions);
    }

    /// <summary>
    /// The messages carrying <paramref name="transactions"/> in order, each with at most
    /// <see cref="TransactionBatch.MaxTransactions"/> transactions and, unless a single transaction
    /// is larger, <see cref="MaxBytes"/> of them.
    /// </summary>
    public static IEnumerable<TransactionsMessage> Chunk(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var chunk = new List<Transaction>();
        var bytes = 0;
        foreach (var tx in transactions)
        {
            if (chunk.Count == TransactionBatch.MaxTransactions || (chunk.Count > 0 && bytes + tx.Encoded.Length > MaxBytes))
            {
                yield return new TransactionsMessage(chunk);
                chunk = [];
                bytes = 0;
            }

            chunk.Add(tx);
            bytes += tx.Encoded.Length;
        }

        if (chunk.Count > 0)
        {
            yield return new TransactionsMessage(chunk);
        }
    }

    /// <inheritdoc />
    public bool Equals(TransactionsMessage? other) =>
        other is not null && Transactions.Select(static t => t.Hash).SequenceEqual(other.Transactions.Select(static t => t.Hash));

    /// <inheritdoc />
    public override int GetHashCode() => Transactions.Count;
}
