using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Roundtable.Core.Hashing;
using Roundtable.Node.Chain;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;
using Roundtable.Storage;

namespace Roundtable.Bench;

/// <summary>
/// Figure 4: node restart with a long chain. <see cref="ChainRestorer.Restore"/> runs in a fresh
/// child process each time (cold JIT, empty key cache, as a real restart), timed inside the child;
/// the I/O ceiling is a sequential read of the same segment files in the parent, in the same run.
/// </summary>
internal static partial class RestartBench
{
    public const string ChildCommand = "restore-once";

    public static void Run(bool quick, int blocks)
    {
        var loadBefore = Report.LoadAverage();
        var height = quick ? Math.Min(blocks, 10_000) : blocks;
        var rounds = quick ? 2 : 5;
        var root = Scratch.Create("restart");
        Report.Note($"restart: building {height:N0} blocks in {root} ({Scratch.FileSystem(root)})");
        try
        {
            var build = Stopwatch.StartNew();
            var chain = BenchChain.Build(Path.Combine(root, "home"), height, txBlockEvery: 10, txPerBlock: 10, memberKeys: 2_000);
            var buildTime = build.Elapsed;
            var home = chain.Home;
            Report.Note($"restart: built in {buildTime.TotalSeconds:N1} s: {chain.Transactions:N0} transactions, {chain.Members:N0} members, {chain.KeyCount:N0} state keys");
            var segments = Directory.GetFiles(home.BlocksDirectory, "blocks-*.seg").Order(StringComparer.Ordinal).ToArray();
            var segmentBytes = segments.Sum(f => new FileInfo(f).Length);
            var txIndexBytes = new FileInfo(Path.Combine(home.BlocksDirectory, "txindex.dat")).Length;
            var snapshotFiles = Directory.GetFiles(home.SnapshotsDirectory, "*.snap").Order(StringComparer.Ordinal).ToArray();
            var snapshotBytes = new FileInfo(snapshotFiles[^1]).Length;
            var aside = Path.Combine(root, "aside");
            Directory.CreateDirectory(aside);

            var samples = new Dictionary<string, List<double>>();
            void Add(string name, double value)
            {
                if (!samples.TryGetValue(name, out var list))
                {
                    samples[name] = list = [];
                }

                list.Add(value);
            }

            // Round 0 is a warm-up (page cache, the runtime's own files) and is discarded.
            for (var round = 0; round <= rounds; round++)
            {
                var record = round > 0;
                var readWarm = ReadAll(segments);
                var (restoreWarm, restoreWarmCpu) = RestoreInChild(home, chain);
                var inProcess = Measure.Time(() =>
                {
                    var (app, store, _) = ChainRestorer.Restore(chain.Genesis, home.BlocksDirectory, home.SnapshotsDirectory, NullLogger.Instance);
                    store.Dispose();
                    if (app.StateRoot != chain.StateRoot)
                    {
                        throw new InvalidOperationException("In-process restore reached a different state root.");
                    }
                });
                var open = Measure.Time(() =>
                {
                    using var store = ChainStore.Open(home.BlocksDirectory, out _);
                });
                var tipHeader = chain.TipHeader;
                var snapshot = Measure.Time(() =>
                {
                    var info = new SnapshotStore(home.SnapshotsDirectory).TryLoadLatest(out var entries, out _);
                    if (info!.Height != tipHeader.Height
                        || Application.LedgerApplication.FromSnapshot(chain.Genesis.ChainId, entries, tipHeader).StateRoot != chain.StateRoot)
                    {
                        throw new InvalidOperationException("The newest snapshot is not the tip's.");
                    }
                });

                // Worst case tail: the newest snapshot is gone, so the one 100 blocks back is loaded.
                var newest = snapshotFiles[^1];
                var moved = Path.Combine(aside, Path.GetFileName(newest));
                File.Move(newest, moved);
                (double Wall, double Cpu) restoreTail;
                try
                {
                    restoreTail = RestoreInChild(home, chain);
                }
                finally
                {
                    File.Move(moved, newest);
                }

                // Guest page cache dropped for our files only (posix_fadvise DONTNEED).
                var evicted = Evict(Path.Combine(home.Root, "data"));
                var readCold = ReadAll(segments);
                Evict(Path.Combine(home.Root, "data"));
                var (restoreCold, restoreColdCpu) = RestoreInChild(home, chain);
                if (record)
                {
                    Add("readWarm", readWarm.TotalMilliseconds);
                    Add("restoreWarm", restoreWarm);
                    Add("restoreWarmCpu", restoreWarmCpu);
                    Add("ratioWarm", restoreWarm / readWarm.TotalMilliseconds);
                    Add("inProcess", inProcess.TotalMilliseconds);
                    Add("open", open.TotalMilliseconds);
                    Add("snapshot", snapshot.TotalMilliseconds);
                    Add("restoreTail", restoreTail.Wall);
                    Add("restoreTailCpu", restoreTail.Cpu);
                    Add("ratioTail", restoreTail.Wall / readWarm.TotalMilliseconds);
                    if (evicted)
                    {
                        Add("readCold", readCold.TotalMilliseconds);
                        Add("restoreCold", restoreCold);
                        Add("restoreColdCpu", restoreColdCpu);
                        Add("ratioCold", restoreCold / readCold.TotalMilliseconds);
                    }
                }

                Report.Note($"restart: round {round}: read {readWarm.TotalMilliseconds:N0} ms, restore {restoreWarm:N0} ms (in-process {inProcess.TotalMilliseconds:N0} ms), tail-100 {restoreTail.Wall:N0} ms, cold read {readCold.TotalMilliseconds:N0} ms, cold restore {restoreCold:N0} ms");
            }

            // Where a full replay's time goes, in this process (warm JIT): read+decode, execute, verify.
            var parts = ReplayParts(home, chain);

            // Full replay from genesis: no snapshot at all.
            var snapshotsOff = Path.Combine(aside, "snapshots");
            Directory.Move(home.SnapshotsDirectory, snapshotsOff);
            var fullRuns = new List<(double Wall, double Cpu)>();
            try
            {
                // A second run only when the first one took under a minute.
                for (var i = 0; i < (quick ? 1 : 2) && (i == 0 || fullRuns[0].Wall < 60_000); i++)
                {
                    fullRuns.Add(RestoreInChild(home, chain));
                    Report.Note($"restart: full replay {fullRuns[^1].Wall:N0} ms");
                    Directory.Delete(home.SnapshotsDirectory, recursive: true);
                }
            }
            finally
            {
                Directory.Move(snapshotsOff, home.SnapshotsDirectory);
            }

            double M(string name) => Measure.Median(samples[name]);
            string WithCpu(string name) => $"{Report.Ms(M(name))} (CPU {Report.Ms(M(name + "Cpu"))})";
            var fullWall = Measure.Median(fullRuns.Select(r => r.Wall));
            var fullCpu = Measure.Median(fullRuns.Select(r => r.Cpu));
            var readMs = M("readWarm");
            var what = $"{chain.Height:N0} blocks ({chain.Transactions:N0} tx, {Report.MiB(segmentBytes)} in {segments.Length} segment(s), tx index {Report.MiB(txIndexBytes)}, snapshot {Report.MiB(snapshotBytes)} / {chain.KeyCount:N0} keys)";
            Report.Row("restart", $"chain: {what}", $"built in {Report.Seconds(buildTime.TotalSeconds)}");
            Report.Row("restart", "sequential read of the segment files (1 MiB reads), warm page cache", Report.Ms(readMs), Report.MiBps(segmentBytes / (readMs / 1000)));
            Report.Row("restart", $"ChainRestorer.Restore, fresh process, snapshot at tip (tail 0), warm page cache", WithCpu("restoreWarm"), $"segment read {Report.Ms(readMs)}", Report.Ratio(M("ratioWarm")) + " × read");
            Report.Row("restart", $"ChainRestorer.Restore, fresh process, newest snapshot removed (load {chain.Height - chain.SnapshotInterval:N0}, replay {chain.SnapshotInterval} blocks)", WithCpu("restoreTail"), $"segment read {Report.Ms(readMs)}", Report.Ratio(M("ratioTail")) + " × read");
            if (samples.ContainsKey("readCold"))
            {
                Report.Row("restart", "sequential read of the segment files, guest page cache dropped for them (fadvise)", Report.Ms(M("readCold")), Report.MiBps(segmentBytes / (M("readCold") / 1000)));
                Report.Row("restart", "ChainRestorer.Restore, fresh process, snapshot at tip, page cache dropped", WithCpu("restoreCold"), $"cold segment read {Report.Ms(M("readCold"))}", Report.Ratio(M("ratioCold")) + " × read");
            }

            Report.Row("restart", "ChainRestorer.Restore in the same process again (warm JIT, warm key cache), snapshot at tip", Report.Ms(M("inProcess")), $"segment read {Report.Ms(readMs)}", Report.Ratio(M("inProcess") / readMs) + " × read");
            Report.Row("restart", "  part: ChainStore.Open (scan + CRC every record, load tx index), warm JIT", Report.Ms(M("open")), $"segment read {Report.Ms(readMs)}", Report.Ratio(M("open") / readMs) + " × read");
            Report.Row("restart", "  part: snapshot load + LoadSorted + Root, warm JIT", Report.Ms(M("snapshot")));
            Report.Row("restart", $"ChainRestorer.Restore, fresh process, no snapshot (full replay of {chain.Height:N0} blocks, {fullRuns.Count} run(s))", $"{Report.Ms(fullWall)} (CPU {Report.Ms(fullCpu)})", $"segment read {Report.Ms(readMs)}", Report.Ratio(fullWall / readMs) + " × read");
            Report.Row("restart", "  replay part: ChainStore.Read of every block (pread + CRC + decode), warm JIT", Report.Ms(parts.Read.TotalMilliseconds), $"segment read {Report.Ms(readMs)}", Report.Ratio(parts.Read.TotalMilliseconds / readMs) + " × read");
            Report.Row("restart", "  replay part: ExecuteBlock of every block from genesis, signatures checked", Report.Ms(parts.Execute.TotalMilliseconds));
            Report.Row("restart", "  replay part: ExecuteBlock of every block from genesis, signatures skipped", Report.Ms(parts.ExecuteNoVerify.TotalMilliseconds));
            Report.Row("restart", $"  replay part: Transaction.VerifySignature of all {chain.Transactions:N0} tx alone", Report.Ms(parts.Verify.TotalMilliseconds));
            Report.Row("restart", "  full replay per block", $"{fullWall * 1000 / chain.Height:N0} µs (CPU {fullCpu * 1000 / chain.Height:N0} µs)");
            Report.Row("restart", "scratch file system; 1-min load average before → after", $"{Scratch.FileSystem(root)}; {loadBefore} → {Report.LoadAverage()}");
        }
        finally
        {
            Scratch.Delete(root);
        }
    }

    private static (TimeSpan Read, TimeSpan Execute, TimeSpan ExecuteNoVerify, TimeSpan Verify) ReplayParts(NodeHome home, BenchChain chain)
    {
        var blocks = new List<StoredBlock>((int)chain.Height);
        TimeSpan read;
        using (var store = ChainStore.Open(home.BlocksDirectory, out _))
        {
            read = Measure.Time(() =>
            {
                for (var h = 1UL; h <= store.LastHeight; h++)
                {
                    blocks.Add(store.Read(h)!);
                }
            });
        }

        TimeSpan Execute(Func<Roundtable.Ledger.Transactions.Transaction, bool>? verified) => Measure.Time(() =>
        {
            var app = Application.LedgerApplication.FromGenesis(chain.Genesis);
            foreach (var b in blocks)
            {
                app.ExecuteBlock(b.Block.Header, b.Block.Transactions, verified);
            }

            if (app.StateRoot != chain.StateRoot)
            {
                throw new InvalidOperationException("Replay reached a different state root.");
            }
        });

        var execute = Execute(null);
        var executeNoVerify = Execute(static _ => true);
        var verify = Measure.Time(() =>
        {
            foreach (var tx in blocks.SelectMany(b => b.Block.Transactions))
            {
                if (!tx.VerifySignature())
                {
                    throw new InvalidOperationException("A stored transaction does not verify.");
                }
            }
        });
        Report.Note($"restart: replay parts: read {read.TotalMilliseconds:N0} ms, execute {execute.TotalMilliseconds:N0} ms, execute without verify {executeNoVerify.TotalMilliseconds:N0} ms, verify {verify.TotalMilliseconds:N0} ms");
        return (read, execute, executeNoVerify, verify);
    }

    /// <summary>The child: restores the chain once and prints the time Restore took.</summary>
    public static int RestoreOnce(string homePath)
    {
        var home = new NodeHome(homePath);
        var genesis = GenesisDocument.Load(home.GenesisFile).ToState();
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var (app, store, _) = ChainRestorer.Restore(genesis, home.BlocksDirectory, home.SnapshotsDirectory, NullLogger.Instance);
        var elapsed = stopwatch.Elapsed;
        cpu = Environment.CpuUsage.TotalTime - cpu;
        using (store)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:0.000} {cpu.TotalMilliseconds:0.000} {app.Height} {app.StateRoot}"));
        }

        return 0;
    }

    private static (double Wall, double Cpu) RestoreInChild(NodeHome home, BenchChain chain)
    {
        var output = Child.Run(ChildCommand, home.Root);
        var parts = output.Split(' ');
        if (parts.Length != 4)
        {
            throw new InvalidOperationException($"The restore child printed: {output}");
        }

        if (ulong.Parse(parts[2], CultureInfo.InvariantCulture) != chain.Height || Hash256.Parse(parts[3]) != chain.StateRoot)
        {
            throw new InvalidOperationException($"The restore child reached {parts[2]} / {parts[3]}, expected {chain.Height} / {chain.StateRoot}.");
        }

        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static TimeSpan ReadAll(string[] files)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        var elapsed = Measure.Time(() =>
        {
            foreach (var file in files)
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
                long offset = 0;
                int n;
                while ((n = RandomAccess.Read(handle, buffer, offset)) > 0)
                {
                    offset += n;
                }

                total += offset;
            }
        });
        GC.KeepAlive(total);
        return elapsed;
    }

    /// <summary>Drops this benchmark's files from the guest page cache (they are all fsynced).</summary>
    private static bool Evict(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var ok = true;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            ok &= PosixFadvise((int)handle.DangerousGetHandle(), 0, 0, 4 /* POSIX_FADV_DONTNEED */) == 0;
        }

        return ok;
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
