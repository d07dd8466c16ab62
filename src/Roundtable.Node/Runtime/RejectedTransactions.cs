using Roundtable.Application.Execution;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Runtime;

/// <summary>The most recent refusals, so a client can ask why its transaction never made it. Bounded, oldest forgotten first.</summary>
public sealed class RejectedTransactions
{
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, TxResult> _reasons = [];
    private readonly Queue<Hash256> _order = new();

    /// <summary>Keeps at most <paramref name="capacity"/> entries.</summary>
    public RejectedTransactions(int capacity = 10_000)
    {
        _capacity = capacity;
    }

    /// <summary>Records why <paramref name="hash"/> was refused.</summary>
    public void Add(Hash256 hash, TxResult reason)
    {
        lock (_gate)
        {
            if (_reasons.TryAdd(hash, reason))
            {
                _order.Enqueue(hash);
                while (_order.Count > _capacity)
                {
                    _reasons.Remove(_order.Dequeue());
                }
            }
            else
            {
                _reasons[hash] = reason;
            }
        }
    }

    /// <summary>Why <paramref name="hash"/> was refused, or null.</summary>
    public TxResult? Find(Hash256 hash)
    {
        lock (_gate)
        {
            return _reasons.GetValueOrDefault(hash);
        }
    }
}
