using Roundtable.Core.Hashing;

namespace Roundtable.Node.Peers;

/// <summary>
/// The consensus messages of the height being decided, this node's own and those it relayed, each
/// kept once and in arrival order (a proposal before its parts). A node forwards a peer's message
/// the first time it sees it, so validators need not be fully meshed: a vote crosses the network
/// hop by hop. Those of a height still undecided a whole status interval after they were kept are
/// sent again with each status, so a peer that missed one (dropped, reconnecting) still gets it; a
/// height decided within the interval costs no second copy of its block. A message seen before
/// costs a hash: no second signature check, no second forward, so relaying cannot turn into a
/// storm. Thread-safe.
/// </summary>
internal sealed class HeightMessages
{
    /// <summary>Most messages kept for one height (votes of 200 validators over 10 rounds fit); beyond it messages are still processed, not relayed.</summary>
    public const int Capacity = 8192;

    /// <summary>Most payload bytes kept for one height: block parts are up to 64 KiB each, and a height may see several proposals.</summary>
    public const long ByteCapacity = 64L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly HashSet<Hash256> ids = [];
    private readonly List<(Hash256 Id, byte Type, byte[] Payload, ulong Height, ulong Tick)> inOrder = [];
    private long bytes;

    // Status ticks so far: a message kept at tick t is due again from tick t + 1 on.
    private ulong tick;

    // The lowest height among the messages kept, so that adding a message of a height already kept
    // (nearly every add) costs no scan.
    private ulong lowestHeight = ulong.MaxValue;

    /// <summary>Number of messages kept.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return inOrder.Count;
            }
        }
    }

    /// <summary>True when this exact message (type and bytes) is kept.</summary>
    public bool Contains(byte type, ReadOnlySpan<byte> payload)
    {
        var id = Id(type, payload);
        lock (gate)
        {
            return ids.Contains(id);
        }
    }

    /// <summary>
    /// Keeps a message of <paramref name="height"/>, first dropping those of lower heights. False when
    /// it was kept already or the height is full: the caller then neither forwards it nor sends it again.
    /// </summary>
    public bool TryAdd(byte type, byte[] payload, ulong height)
    {
        var id = Id(type, payload);
        lock (gate)
        {
            DropBelowLocked(height);
            if (ids.Count >= Capacity || bytes + payload.Length > ByteCapacity || !ids.Add(id))
            {
                return false;
            }

            inOrder.Add((id, type, payload, height, tick));
            bytes += payload.Length;
            lowestHeight = Math.Min(lowestHeight, height);
            return true;
        }
    }

    /// <summary>Forgets the messages of heights below <paramref name="height"/> (decided: peers behind catch up by blocks).</summary>
    public void DropBelow(ulong height)
    {
        lock (gate)
        {
            DropBelowLocked(height);
        }
    }

    /// <summary>
    /// Called at each status tick: the messages kept since before the previous tick, in the order
    /// they came, to be sent again. One kept since the last tick is not yet due: with blocks faster
    /// than the status interval, re-sending it would only double every block's traffic.
    /// </summary>
    public (byte Type, byte[] Payload)[] TakeDue()
    {
        lock (gate)
        {
            var due = inOrder.Where(m => m.Tick < tick).Select(m => (m.Type, m.Payload)).ToArray();
            tick++;
            return due;
        }
    }

    private void DropBelowLocked(ulong height)
    {
        if (lowestHeight >= height)
        {
            return;
        }

        foreach (var stale in inOrder.Where(m => m.Height < height))
        {
            ids.Remove(stale.Id);
            bytes -= stale.Payload.Length;
        }

        inOrder.RemoveAll(m => m.Height < height);
        lowestHeight = inOrder.Count == 0 ? ulong.MaxValue : inOrder.Min(m => m.Height);
    }

    /// <summary>SHA-256 of the type byte and the payload (docs/network.md §10), hashed in two parts: a block part is not copied.</summary>
    private static Hash256 Id(byte type, ReadOnlySpan<byte> payload) => Hash256.Compute([type], payload);
}
