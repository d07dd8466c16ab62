using Roundtable.Application.Execution;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Mempool;

/// <summary>
/// Transactions waiting for a block, in arrival order. Admission runs the application's check with
/// the number of transactions the same sender already has waiting, so consecutive sequences from
/// one sender can wait together. Each transaction remembers whether a peer relayed it, so the
/// re-check after a block can treat it as its admission did. Thread-safe.
/// </summary>
public sealed class Mempool
{
    private readonly MempoolOptions _options;
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiting> _queue = new();
    private readonly Dictionary<Hash256, LinkedListNode<Waiting>> _byHash = [];
    private readonly Dictionary<PublicKey, int> _perSender = [];
    private long _bytes;

    /// <summary>Creates an empty mempool.</summary>
    public Mempool(MempoolOptions options)
    {
        _options = options;
    }

    /// <summary>Transactions waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byHash.Count;
            }
        }
    }

    /// <summary>Encoded bytes waiting.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>How many transactions from <paramref name="sender"/> are waiting.</summary>
    public int PendingFrom(PublicKey sender)
    {
        lock (_gate)
        {
            return _perSender.GetValueOrDefault(sender);
        }
    }

    /// <summary>True when the transaction is waiting (its signature was verified on admission).</summary>
    public bool Contains(Hash256 hash)
    {
        lock (_gate)
        {
            return _byHash.ContainsKey(hash);
        }
    }

    /// <summary>The waiting transaction with this hash, or null.</summary>
    public Transaction? Find(Hash256 hash)
    {
        lock (_gate)
        {
            return _byHash.TryGetValue(hash, out var node) ? node.Value.Tx : null;
        }
    }

    /// <summary>
    /// Admits <paramref name="tx"/> when it is new, fits the bounds and passes
    /// <paramref name="check"/> (given the sender's waiting count). <paramref name="fromPeer"/> is
    /// kept with it and handed to the re-check of <see cref="Update"/>.
    /// </summary>
    public MempoolAdmission TryAdd(Transaction tx, Func<Transaction, ulong, TxResult> check, bool fromPeer = false)
    {
        lock (_gate)
        {
            if (_byHash.ContainsKey(tx.Hash))
            {
                return Refuse(TxCode.Duplicate, "The transaction is already waiting in the mempool.");
            }

            var size = tx.Encoded.Length;
            if (_byHash.Count >= _options.MaxTransactions || _bytes + size > _options.MaxBytes)
            {
                return Refuse(TxCode.Oversize, "The mempool is full; try again after the next block.");
            }

            var pending = _perSender.GetValueOrDefault(tx.Sender);
            if (pending >= _options.MaxPerSender)
            {
                return Refuse(TxCode.Oversize, $"This sender already has {pending} transactions waiting (limit {_options.MaxPerSender}).");
            }

            var result = check(tx, (ulong)pending);
            if (!result.IsOk)
            {
                return new MempoolAdmission(result);
            }

            _byHash.Add(tx.Hash, _queue.AddLast(new Waiting(tx, fromPeer)));
            _perSender[tx.Sender] = pending + 1;
            _bytes += size;
            return new MempoolAdmission(TxResult.Ok);
        }
    }

    /// <summary>The oldest transactions that fit in <paramref name="maxCount"/> and <paramref name="maxBytes"/>, in arrival order.</summary>
    public IReadOnlyList<Transaction> Reap(int maxCount, long maxBytes)
    {
        lock (_gate)
        {
            var result = new List<Transaction>();
            long bytes = 0;
            for (var node = _queue.First; node is not null && result.Count < maxCount; node = node.Next)
            {
                var size = node.Value.Tx.Encoded.Length;
                if (bytes + size > maxBytes)
                {
                    break;
                }

                bytes += size;
                result.Add(node.Value.Tx);
            }

            return result;
        }
    }

    /// <summary>
    /// After a block: removes its transactions, then re-checks everything still waiting against the
    /// new state (in arrival order, so sequences are re-counted) and drops what no longer passes.
    /// <paramref name="recheck"/> is given the transaction, its sender's waiting count and whether
    /// a peer relayed it. Returns the dropped transactions with their reasons.
    /// </summary>
    public IReadOnlyList<(Transaction Tx, TxResult Reason)> Update(IEnumerable<Hash256> committed, Func<Transaction, ulong, bool, TxResult> recheck)
    {
        lock (_gate)
        {
            foreach (var hash in committed)
            {
                if (_byHash.Remove(hash, out var node))
                {
                    _queue.Remove(node);
                    _bytes -= node.Value.Tx.Encoded.Length;
                }
            }

            var survivors = _queue.ToList();
            _queue.Clear();
            _byHash.Clear();
            _perSender.Clear();
            _bytes = 0;
            var dropped = new List<(Transaction, TxResult)>();
            foreach (var waiting in survivors)
            {
                var tx = waiting.Tx;
                var pending = _perSender.GetValueOrDefault(tx.Sender);
                var result = recheck(tx, (ulong)pending, waiting.FromPeer);
                if (!result.IsOk)
                {
                    dropped.Add((tx, result));
                    continue;
                }

                _byHash.Add(tx.Hash, _queue.AddLast(waiting));
                _perSender[tx.Sender] = pending + 1;
                _bytes += tx.Encoded.Length;
            }

            return dropped;
        }
    }

    private static MempoolAdmission Refuse(TxCode code, string reason) => new(new TxResult(code, reason));

    private readonly record struct Waiting(Transaction Tx, bool FromPeer);
}
