using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Transactions;
using Roundtable.Network;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Peers;

/// <summary>
/// Carries transactions to peers (docs/network.md §10, "Transaction relay"). A client's
/// transaction goes whole to every peer of the node that admitted it: there nearly every peer
/// lacks it. Those of one <see cref="FlushInterval"/> go together, in as few messages as their
/// size allows, so a busy node writes to each peer once per interval rather than once per
/// transaction (each write also wakes the peer), and the peer reads one frame, not one each.
/// A transaction admitted from a peer is only announced, by hash, to the other peers,
/// and a peer asks for the ones it neither holds nor is already getting: past the first hop most
/// peers hold it already, so 32 bytes ask instead of the whole transaction arriving again. That way
/// a transaction reaches every validator of a sparse network, not only the submitting node's peers.
/// Thread-safe.
/// </summary>
internal sealed class TransactionRelay
{
    /// <summary>How long admitted transactions gather before they (a client's) or their hashes (a peer's) go out together.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a hash asked for (or received and waiting for admission) is not asked for again.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    // Bounds on what peers can make this node remember: past them, announcements are dropped
    // (a transaction then still travels with the blocks that carry it).
    private const int MaxToAnnounce = 65_536;

    // At this many, the waiting client transactions go at once instead of at the flush.
    private const int MaxToPush = 16_384;
    private const int MaxIncoming = 32_768;

    private readonly PeerNetwork _network;
    private readonly ChainState _chain;
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, long> _incoming = [];
    private List<(Hash256 Tx, Hash256 From)> _toAnnounce = [];
    private List<Transaction> _toPush = [];
    private long _lastExpiry;

    /// <summary>Creates the relay over a started network.</summary>
    public TransactionRelay(PeerNetwork network, ChainState chain)
    {
        _network = network;
        _chain = chain;
    }

    /// <summary>Announces what was admitted, every <see cref="FlushInterval"/>, until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        EveryInterval.RunAsync(FlushInterval, () => Flush(Environment.TickCount64), cancellationToken);

    /// <summary>A client's transaction was admitted here: it goes whole to every peer with the next flush.</summary>
    public void Submitted(Transaction tx)
    {
        List<Transaction> full;
        lock (_gate)
        {
            _toPush.Add(tx);
            if (_toPush.Count < MaxToPush)
            {
                return;
            }

            full = _toPush;
            _toPush = [];
        }

        Push(full);
    }

    /// <summary>
    /// A peer's whole transaction is queued for admission: until then, announcements of it ask for
    /// nothing. (If admission came first, the entry only waits out its patience.)
    /// </summary>
    public void Received(Hash256 tx)
    {
        lock (_gate)
        {
            if (_incoming.Count < MaxIncoming)
            {
                _incoming.TryAdd(tx, Environment.TickCount64);
            }
        }
    }

    /// <summary>A peer's transaction went through admission; if it was admitted, its hash goes to the other peers.</summary>
    public void Admitted(Transaction tx, Hash256 from, bool admitted)
    {
        lock (_gate)
        {
            _incoming.Remove(tx.Hash);
            if (admitted && _toAnnounce.Count < MaxToAnnounce)
            {
                _toAnnounce.Add((tx.Hash, from));
            }
        }
    }

    /// <summary>Asks <paramref name="from"/> for the announced transactions this node neither holds nor is getting.</summary>
    public void OnAnnounce(Hash256 from, HashesMessage announcement)
    {
        var unknown = _chain.Unknown(announcement.Hashes);
        if (unknown.Count == 0)
        {
            return;
        }

        var now = Environment.TickCount64;
        var wanted = new List<Hash256>(unknown.Count);
        lock (_gate)
        {
            foreach (var hash in unknown)
            {
                if (_incoming.Count < MaxIncoming && _incoming.TryAdd(hash, now))
                {
                    wanted.Add(hash);
                }
            }
        }

        if (wanted.Count > 0)
        {
            _network.Send(from, WireType.TransactionRequest, Canonical.ToBytes(new HashesMessage(wanted)));
        }
    }

    /// <summary>Sends <paramref name="from"/> the requested transactions this node still holds; the others are committed or gone.</summary>
    public void OnRequest(Hash256 from, HashesMessage request)
    {
        var held = request.Hashes.Select(_chain.FindPending).OfType<Transaction>();
        foreach (var message in TransactionsMessage.Chunk(held))
        {
            _network.Send(from, WireType.TransactionBatch, message.ToBytes());
        }
    }

    /// <summary>Queues the transactions to every peer in admission order, as few messages as their number and size allow.</summary>
    private void Push(List<Transaction> transactions)
    {
        foreach (var message in TransactionsMessage.Chunk(transactions))
        {
            _network.Broadcast(WireType.TransactionBatch, message.ToBytes());
        }
    }

    /// <summary>
    /// Sends every peer the clients' transactions admitted since the last flush, and each peer the
    /// hashes of peers' transactions admitted since then, but those it sent; forgets requests past
    /// their patience.
    /// </summary>
    private void Flush(long now)
    {
        List<(Hash256 Tx, Hash256 From)> batch;
        List<Transaction> pushed;
        lock (_gate)
        {
            if (now - _lastExpiry >= (long)Patience.TotalMilliseconds && _incoming.Count > 0)
            {
                _lastExpiry = now;
                foreach (var stale in _incoming.Where(e => now - e.Value >= (long)Patience.TotalMilliseconds).Select(e => e.Key).ToList())
                {
                    _incoming.Remove(stale);
                }
            }

            if (_toAnnounce.Count == 0 && _toPush.Count == 0)
            {
                return;
            }

            batch = _toAnnounce;
            _toAnnounce = [];
            pushed = _toPush;
            _toPush = [];
        }

        Push(pushed);

        if (batch.Count == 0)
        {
            return;
        }

        foreach (var peer in _network.Peers)
        {
            foreach (var message in HashesMessage.Chunk(batch.Where(e => e.From != peer.NodeId).Select(e => e.Tx)))
            {
                _network.Send(peer.NodeId, WireType.TransactionAnnounce, Canonical.ToBytes(message));
            }
        }
    }
}
