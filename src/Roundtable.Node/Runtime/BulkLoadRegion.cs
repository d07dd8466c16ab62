using System.Runtime;

namespace Roundtable.Node.Runtime;

/// <summary>
/// Holds the garbage collector off while a snapshot's state is built, when a node joins by
/// snapshot or restarts from its own. Such a load allocates
/// millions of objects (keys, values, index and trie nodes) that all live on, so a collection
/// during it finds nothing to free and only copies them from generation to generation: with the
/// collector held off, the load of 2,000,000 keys took about 40% less time and CPU
/// (docs/benchmarks.md, "State sync"). The region is sized from the file; if the load allocates
/// more, or the machine cannot spare it, the collector simply runs as usual.
/// </summary>
internal sealed class BulkLoadRegion : IDisposable
{
    // Measured: 3.3 bytes allocated per snapshot byte in the load, plus the download's chunk
    // buffers (one byte per byte) while the two overlap.
    private const long BytesPerSnapshotByte = 5;
    private const long Headroom = 256L << 20;

    // Below this a load makes few collections, each short: not worth setting memory aside.
    private const long MinimumSnapshotBytes = 16L << 20;

    private readonly bool _started;

    private BulkLoadRegion(bool started) => _started = started;

    /// <summary>Starts a region for loading a snapshot file of <paramref name="snapshotBytes"/> bytes, when the machine has the memory for it.</summary>
    public static BulkLoadRegion ForSnapshot(long snapshotBytes)
    {
        if (snapshotBytes < MinimumSnapshotBytes || snapshotBytes > long.MaxValue / (2 * BytesPerSnapshotByte))
        {
            return new BulkLoadRegion(false);
        }

        var wanted = (snapshotBytes * BytesPerSnapshotByte) + Headroom;
        if (wanted > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2 || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new BulkLoadRegion(false);
        }

        try
        {
            return new BulkLoadRegion(GC.TryStartNoGCRegion(wanted));
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime can set aside at once: load with the collector running.
            return new BulkLoadRegion(false);
        }
    }

    /// <summary>True when the collector was held off from the start.</summary>
    public bool Started => _started;

    /// <inheritdoc/>
    public void Dispose()
    {
        // The runtime leaves the region by itself when the load outgrew it.
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
