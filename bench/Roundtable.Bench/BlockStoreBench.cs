using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Roundtable.Core.Hashing;
using Roundtable.Storage;

namespace Roundtable.Bench;

/// <summary>
/// Figure 2: <see cref="BlockStore.Append"/> rate with an fsync per append (what consensus pays per
/// committed block), against the same appends without fsync (the ceiling) and against a bare
/// pwrite+fsync of the same size on a plain file interleaved with it (what the disk gives).
/// </summary>
internal static class BlockStoreBench
{
    // IndexDerivable: the store has an extractor, as the node's has, so a durable append fsyncs the block only.
    private sealed record Case(string Name, int PayloadBytes, int TxCount, int MaxNoSyncAppends, bool IndexDerivable = false);

    public static void Run(bool quick)
    {
        var rounds = quick ? 1 : 3;
        var syncBudget = TimeSpan.FromSeconds(quick ? 0.5 : 2);
        var maxSyncAppends = quick ? 500 : 5_000;
        var loadBefore = Report.LoadAverage();
        var root = Scratch.Create("blockstore");
        Report.Note($"blockstore: scratch {root} ({Scratch.FileSystem(root)})");
        Case[] cases =
        [
            new("1 KiB block, 4 tx", 1024, 4, quick ? 2_000 : 20_000),
            new("1 KiB block, 4 tx, index derivable", 1024, 4, quick ? 2_000 : 20_000, IndexDerivable: true),
            new("1 KiB block, 0 tx", 1024, 0, quick ? 2_000 : 20_000),
            new("64 KiB block, 256 tx", 64 * 1024, 256, quick ? 300 : 2_000),
            new("64 KiB block, 256 tx, index derivable", 64 * 1024, 256, quick ? 300 : 2_000, IndexDerivable: true),
        ];

        try
        {
            var results = new Dictionary<string, List<double>>();
            void Add(string name, double value)
            {
                if (!results.TryGetValue(name, out var list))
                {
                    results[name] = list = [];
                }

                list.Add(value);
            }

            using var stores = new StoreSet(root, cases, maxSyncAppends, rounds);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var c in cases)
                {
                    // fsync latency on a shared disk swings with everyone's writeback, so the plain-file
                    // peer is interleaved append by append with the store: both see the same moment.
                    var (sync, plain) = stores.AppendSyncedWithPeer(c, maxSyncAppends, syncBudget);
                    var noSync = stores.Append(c, sync: false, c.MaxNoSyncAppends, TimeSpan.MaxValue);
                    Add(c.Name + "/sync", sync);
                    Add(c.Name + "/plain", plain);
                    Add(c.Name + "/nosync", noSync);
                    Add(c.Name + "/ratio", sync / noSync);
                    Add(c.Name + "/plainratio", sync / plain);
                }

                Report.Note($"blockstore: round {round} done");
            }

            double M(string name) => Measure.Median(results[name]);
            foreach (var c in cases)
            {
                var fsyncs = c.TxCount > 0 && !c.IndexDerivable ? "two fsyncs: tx index, segment" : "one fsync";
                Report.Row("blockstore", $"Append, sync: true — {c.Name} ({fsyncs})", Report.Rate(M(c.Name + "/sync")), $"sync: false, same case: {Report.Rate(M(c.Name + "/nosync"))}", Report.Ratio(M(c.Name + "/ratio")) + " × no-sync");
                Report.Row("blockstore", $"  same, against a plain file: pwrite {c.PayloadBytes / 1024} KiB + fsync, interleaved", Report.Rate(M(c.Name + "/sync")), $"plain pwrite + fsync: {Report.Rate(M(c.Name + "/plain"))}", Report.Ratio(M(c.Name + "/plainratio")) + " × plain");
            }

            Report.Row("blockstore", "scratch file system; 1-min load average before → after", $"{Scratch.FileSystem(root)}; {loadBefore} → {Report.LoadAverage()}");
        }
        finally
        {
            Scratch.Delete(root);
        }
    }

    // The payloads are random bytes, so nothing could be derived from them; a fresh store never
    // needs to (the extractor runs only at open, to catch up an index a crash left behind).
    private static readonly BlockStoreOptions DerivableIndex = new()
    {
        TransactionHashExtractor = static (_, _) => throw new InvalidOperationException("The benchmark's stores are never reopened after a crash."),
    };

    /// <summary>One block store per case and mode, appended to across rounds.</summary>
    private sealed class StoreSet : IDisposable
    {
        private readonly Dictionary<string, (BlockStore Store, byte[] Payload, Hash256[] Hashes)> _stores = [];
        private readonly Dictionary<string, int> _hashCursor = [];
        private readonly Dictionary<string, (SafeFileHandle Handle, long Offset)> _plain = [];

        public StoreSet(string root, Case[] cases, int maxSyncAppends, int rounds)
        {
            foreach (var c in cases)
            {
                foreach (var sync in new[] { true, false })
                {
                    var name = Name(c, sync);
                    var dir = Path.Combine(root, name.Replace(' ', '_').Replace(',', '_').Replace('/', '_'));
                    var store = BlockStore.Open(dir, c.IndexDerivable ? DerivableIndex : new BlockStoreOptions(), out _);
                    var payload = RandomNumberGenerator.GetBytes(c.PayloadBytes);

                    // Distinct transaction hashes, made outside the timed loop.
                    var appends = (sync ? maxSyncAppends : c.MaxNoSyncAppends) * rounds;
                    var hashes = new Hash256[appends * c.TxCount];
                    var seed = new byte[16];
                    for (var i = 0; i < hashes.Length; i++)
                    {
                        BitConverter.TryWriteBytes(seed, (long)i);
                        seed[8] = (byte)(sync ? 1 : 0);
                        hashes[i] = Hash256.Compute(seed);
                    }

                    _stores[name] = (store, payload, hashes);
                    _hashCursor[name] = 0;
                }

                _plain[c.Name] = (File.OpenHandle(Path.Combine(root, "plain-" + c.PayloadBytes.ToString(CultureInfo.InvariantCulture) + "-" + c.TxCount.ToString(CultureInfo.InvariantCulture) + ".dat"), FileMode.Create, FileAccess.ReadWrite), 0);
            }
        }

        /// <summary>
        /// Appends with fsync, each append followed by a pwrite + fsync of the same payload at the end
        /// of a plain file; returns both rates, each over its own accumulated time.
        /// </summary>
        public (double Store, double Plain) AppendSyncedWithPeer(Case c, int maxAppends, TimeSpan budget)
        {
            var name = Name(c, true);
            var (store, payload, hashes) = _stores[name];
            var (plain, plainOffset) = _plain[c.Name];
            var cursor = _hashCursor[name];
            var height = store.LastHeight + 1;
            var count = 0;
            long storeTicks = 0;
            long plainTicks = 0;
            var total = Stopwatch.StartNew();
            while (count < maxAppends && total.Elapsed < budget)
            {
                var txHashes = new ArraySegment<Hash256>(hashes, cursor, c.TxCount);
                var t0 = Stopwatch.GetTimestamp();
                store.Append(height++, payload, txHashes, sync: true);
                var t1 = Stopwatch.GetTimestamp();
                RandomAccess.Write(plain, payload, plainOffset);
                RandomAccess.FlushToDisk(plain);
                var t2 = Stopwatch.GetTimestamp();
                plainOffset += payload.Length;
                storeTicks += t1 - t0;
                plainTicks += t2 - t1;
                cursor += c.TxCount;
                count++;
            }

            _hashCursor[name] = cursor;
            _plain[c.Name] = (plain, plainOffset);
            return (count / Stopwatch.GetElapsedTime(0, storeTicks).TotalSeconds, count / Stopwatch.GetElapsedTime(0, plainTicks).TotalSeconds);
        }

        public double Append(Case c, bool sync, int maxAppends, TimeSpan budget)
        {
            var name = Name(c, sync);
            var (store, payload, hashes) = _stores[name];
            var cursor = _hashCursor[name];
            var height = store.LastHeight + 1;
            var count = 0;
            var stopwatch = Stopwatch.StartNew();
            while (count < maxAppends && stopwatch.Elapsed < budget)
            {
                var txHashes = new ArraySegment<Hash256>(hashes, cursor, c.TxCount);
                store.Append(height++, payload, txHashes, sync);
                cursor += c.TxCount;
                count++;
            }

            var elapsed = stopwatch.Elapsed;
            _hashCursor[name] = cursor;
            if (!sync)
            {
                // Outside the timing: flush so the next case does not inherit this one's dirty pages.
                store.Sync();
            }

            return count / elapsed.TotalSeconds;
        }

        public void Dispose()
        {
            foreach (var (store, _, _) in _stores.Values)
            {
                store.Dispose();
            }

            foreach (var (handle, _) in _plain.Values)
            {
                handle.Dispose();
            }
        }

        private static string Name(Case c, bool sync) => c.Name + (sync ? " sync" : " nosync");
    }
}
