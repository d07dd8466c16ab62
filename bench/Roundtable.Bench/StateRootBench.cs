using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;
using Roundtable.Node.Runtime;

namespace Roundtable.Bench;

/// <summary>
/// Figure 3: state root of a large map. The floor is the SHA-256 work the trie must do, priced
/// with raw SHA-256 (a reused digest context, as the trie uses) measured in the same process: every key path SHA-256(key), value hash and
/// leaf hash, plus one 65-byte hash per interior node. The node count is derived exactly from the
/// sorted key paths (a branch exists for every prefix shared by at least two paths).
/// </summary>
internal static class StateRootBench
{
    private const int ValueBytes = 200;

    public static void Run(bool quick, int keyCount)
    {
        var loadBefore = Report.LoadAverage();
        var n = quick ? Math.Min(keyCount, 100_000) : keyCount;
        const int updates = 1_000;
        var updateRounds = quick ? 3 : 10;
        Report.Note($"stateroot: generating {n:N0} keys 'member/<64 hex>' with {ValueBytes}-byte values");
        var random = new Random(3);
        var keys = new byte[n][];
        var values = new byte[n][];
        Span<byte> seed = stackalloc byte[8];
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(seed, i);
            keys[i] = Encoding.ASCII.GetBytes("member/" + Hash256.Compute(seed).ToString());
            values[i] = new byte[ValueBytes];
            random.NextBytes(values[i]);
        }

        var sortedIdx = Enumerable.Range(0, n).ToArray();
        Array.Sort(sortedIdx, (a, b) => keys[a].AsSpan().SequenceCompareTo(keys[b]));
        var sortedEntries = sortedIdx.Select(i => new KeyValuePair<byte[], byte[]>(keys[i], values[i])).ToArray();

        // Exact trie shape from the sorted key paths.
        var shape = TrieShape.Of(keys);
        Report.Note($"stateroot: {shape.Branches:N0} interior nodes, mean leaf depth {shape.MeanDepth:0.0}");

        var sha = new List<Sha> { RawSha() };

        // 1. LoadSorted + Root (the snapshot loader).
        var loadSamples = new List<Timing>();
        var fastSamples = new List<Timing>();
        var snapshotBytes = sortedEntries.Sum(e => 8L + e.Key.Length + e.Value.Length);
        var loadRepeats = quick ? 1 : 3;
        Hash256 loadRoot = default;
        for (var r = 0; r < loadRepeats; r++)
        {
            Measure.Settle();
            SparseMerkleMap? map = null;
            var elapsed = Timing.Of(() =>
            {
                map = SparseMerkleMap.LoadSorted(sortedEntries);
                loadRoot = map.Root;
            });
            loadSamples.Add(elapsed);
            if (r == 0)
            {
                // The node count model must match the real trie: a proof has one sibling per branch on the path.
                for (var i = 0; i < n; i += Math.Max(1, n / 1000))
                {
                    if (map!.Prove(keys[i]).Siblings.Count != shape.DepthOf(i))
                    {
                        throw new InvalidOperationException($"Trie shape model disagrees with the proof of key {i}.");
                    }
                }
            }

            GC.KeepAlive(map);
            Report.Note($"stateroot: LoadSorted+Root {elapsed}");

            // The same load as a node runs it when it joins or restarts: both cores, collector held off.
            Measure.Settle();
            Hash256 fastRoot = default;
            var fast = Timing.Of(() =>
            {
                using var region = BulkLoadRegion.ForSnapshot(snapshotBytes);
                map = SparseMerkleMap.AdoptSorted(sortedEntries, Parallel.Invoke);
                fastRoot = map.Root;
            });
            if (fastRoot != loadRoot)
            {
                throw new InvalidOperationException("AdoptSorted on several cores and LoadSorted roots differ.");
            }

            fastSamples.Add(fast);
            GC.KeepAlive(map);
            Report.Note($"stateroot: AdoptSorted+Root on {Environment.ProcessorCount} cores, collector held off {fast}");
        }

        sha.Add(RawSha());

        // 2. Incremental: Set every key (in hash order, i.e. unsorted), then Root.
        var setSamples = new List<Timing>();
        var rootSamples = new List<Timing>();
        SparseMerkleMap incremental = null!;
        var incrementalRepeats = quick ? 1 : 2;
        for (var r = 0; r < incrementalRepeats; r++)
        {
            incremental = null!;
            Measure.Settle();
            var map = new SparseMerkleMap();
            var set = Timing.Of(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    map.Set(keys[i], values[i]);
                }
            });
            Hash256 root = default;
            var rootTime = Timing.Of(() => root = map.Root);
            if (root != loadRoot)
            {
                throw new InvalidOperationException("Incremental and LoadSorted roots differ.");
            }

            setSamples.Add(set);
            rootSamples.Add(rootTime);
            incremental = map;
            Report.Note($"stateroot: Set×{n:N0} {set}, Root {rootTime}");
        }

        sha.Add(RawSha());

        // 3. Update 1,000 existing keys in the full map, then Root.
        var updateSamples = new List<Timing>();
        var perNodeSamples = new List<Timing>();
        var dirtyCounts = new List<double>();
        Measure.Settle();
        var newValue = new byte[ValueBytes];
        for (var r = 0; r < updateRounds + 1; r++)
        {
            var chosen = Enumerable.Range(0, updates).Select(_ => random.Next(n)).Distinct().ToArray();
            var fresh = chosen.Select(_ =>
            {
                random.NextBytes(newValue);
                return (byte[])newValue.Clone();
            }).ToArray();
            var dirty = shape.DirtyBranches(chosen);
            var setTime = Timing.Of(() =>
            {
                for (var i = 0; i < chosen.Length; i++)
                {
                    incremental.Set(keys[chosen[i]], fresh[i]);
                }
            });
            var rootTime = Timing.Of(() => _ = incremental.Root);
            if (r == 0)
            {
                continue; // JIT warm-up of the update path.
            }

            updateSamples.Add(setTime + rootTime);
            perNodeSamples.Add(rootTime * (1e6 / dirty)); // ns per dirty node
            dirtyCounts.Add(dirty);
        }

        sha.Add(RawSha());
        var openSsl = OpenSsl.Sha256Ns64(quick ? 1 : 3);
        var h65 = Timing.Median(sha.Select(x => x.H65));
        var h71 = Timing.Median(sha.Select(x => x.H71));
        var h200 = Timing.Median(sha.Select(x => x.H200));
        var dotNet65 = Timing.Median(sha.Select(x => x.DotNet65));

        // SHA-256 floors in ms (the raw timings are in ns per hash).
        var perKey = (h71 + h200 + h65) * (n / 1e6);
        var buildFloor = perKey + (h65 * (shape.Branches / 1e6));
        var load = Timing.Median(loadSamples);
        var setAll = Timing.Median(setSamples);
        var rootAll = Timing.Median(rootSamples);
        var update = Timing.Median(updateSamples);
        var dirtyMedian = Measure.Median(dirtyCounts);
        var updateFloor = ((h71 + h200 + h65) * (updates / 1e6)) + (h65 * (dirtyMedian / 1e6));
        var perNode = rootAll * (1e6 / shape.Branches);
        var perDirtyNode = Timing.Median(perNodeSamples);
        var label = $"{n:N0} keys";

        Report.Row("stateroot", "raw SHA-256 of 65 B / 71 B / 200 B, Hash256.Compute as in Roundtable.Merkle (libcrypto SHA256_Init/Update/Final), 1 thread", $"{h65.WallMs:N0} / {h71.WallMs:N0} / {h200.WallMs:N0} ns (CPU {h65.CpuMs:N0} / {h71.CpuMs:N0} / {h200.CpuMs:N0} ns)");
        Report.Row("stateroot", "raw SHA-256 of 65 B, .NET IncrementalHash reused (the path before)", dotNet65.Ns(), $"Hash256.Compute {h65.Ns()}", dotNet65.RatioTo(h65) + " × libcrypto");
        if (openSsl is { } peer)
        {
            // openssl speed divides by user CPU time, so it is compared with the CPU time per hash.
            Report.Row("stateroot", "peer: `openssl speed -evp sha256 -bytes 64`, 1 thread (C; per user CPU time)", Report.Ns(peer), $"Hash256.Compute(65 B), CPU {Report.Ns(h65.CpuMs)}", Report.Ratio(h65.CpuMs / peer) + " × openssl");
        }

        Report.Row("stateroot", $"trie shape for {label}", $"{shape.Branches:N0} interior nodes; mean leaf depth {shape.MeanDepth:0.0}");
        Report.Row("stateroot", $"LoadSorted + Root, {label}", load.Ms(), $"SHA-256 floor {buildFloor.Ms()}", load.RatioTo(buildFloor) + " × floor");
        var fastLoad = Timing.Median(fastSamples);
        Report.Row("stateroot", $"AdoptSorted + Root on {Environment.ProcessorCount} cores, collector held off (how a node loads a snapshot when it joins or restarts), {label}", fastLoad.Ms(), $"LoadSorted + Root {load.Ms()}", fastLoad.RatioTo(load) + " × LoadSorted");
        Report.Row("stateroot", $"incremental Set × {label} (key index and key path; value and leaf are hashed when the next Root merges the writes)", setAll.Ms(), $"SHA-256 floor {perKey.Ms()}", setAll.RatioTo(perKey) + " × floor");
        Report.Row("stateroot", $"then Root (merges the writes into the trie: value and leaf hashes, every interior node), {label}", rootAll.Ms(), $"per node {perNode.Ns()} vs raw SHA-256(65 B) {h65.Ns()}", perNode.RatioTo(h65) + " × raw");
        Report.Row("stateroot", $"incremental total (Set all + Root), {label}", (setAll + rootAll).Ms(), $"LoadSorted + Root {load.Ms()}", (setAll + rootAll).RatioTo(load) + " × LoadSorted");
        Report.Row("stateroot", $"update {updates:N0} keys in the {label} map + Root ({dirtyMedian:N0} dirty nodes)", update.Ms(), $"SHA-256 floor {updateFloor.Ms()}", update.RatioTo(updateFloor) + " × floor");
        Report.Row("stateroot", "  of which Root (with the writes' value and leaf hashes), per dirty node", perDirtyNode.Ns(), $"raw SHA-256(65 B) {h65.Ns()}", perDirtyNode.RatioTo(h65) + " × raw");
        Report.Row("stateroot", "managed heap after the runs; 1-min load average before → after", $"{Report.MiB(GC.GetTotalMemory(false))}; {loadBefore} → {Report.LoadAverage()}");
        GC.KeepAlive(incremental);
    }

    /// <summary>
    /// Nanoseconds (wall and CPU) per SHA-256 of 65, 71 and 200 bytes through
    /// <see cref="Hash256.Compute(ReadOnlySpan{byte})"/> (what Roundtable.Merkle hashes with: libcrypto's
    /// low-level SHA-256 on Linux), and per SHA-256 of 65 bytes through one reused .NET
    /// <see cref="IncrementalHash"/> (the path before) for reference. Median of 3 passes each.
    /// </summary>
    private static Sha RawSha()
    {
        using var reused = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        Timing Per(int size, bool dotNet)
        {
            var data = new byte[size];
            new Random(size).NextBytes(data);
            const int ops = 500_000;
            var samples = new List<Timing>();
            Span<byte> digest = stackalloc byte[Hash256.Size];
            for (var pass = 0; pass < 3; pass++)
            {
                var acc = Hash256.Zero;
                var elapsed = Timing.Of(() =>
                {
                    Span<byte> d = stackalloc byte[Hash256.Size];
                    for (var i = 0; i < ops; i++)
                    {
                        data[0] = (byte)i;
                        if (dotNet)
                        {
                            reused.AppendData(data);
                            reused.GetHashAndReset(d);
                        }
                        else
                        {
                            acc = Hash256.Compute(data);
                        }
                    }
                });
                GC.KeepAlive(acc);
                samples.Add(elapsed * (1e6 / ops));
            }

            return Timing.Median(samples);
        }

        return new Sha(Per(65, false), Per(71, false), Per(200, false), Per(65, true));
    }

    private sealed record Sha(Timing H65, Timing H71, Timing H200, Timing DotNet65);

    /// <summary>Wall and CPU time in milliseconds (or any unit after scaling).</summary>
    private readonly record struct Timing(double WallMs, double CpuMs)
    {
        public static Timing Of(Action action)
        {
            var (wall, cpu) = Measure.TimeWithCpu(action);
            return new Timing(wall.TotalMilliseconds, cpu.TotalMilliseconds);
        }

        public static Timing Median(IEnumerable<Timing> samples)
        {
            var list = samples.ToList();
            return new Timing(Measure.Median(list.Select(t => t.WallMs)), Measure.Median(list.Select(t => t.CpuMs)));
        }

        public static Timing operator +(Timing a, Timing b) => new(a.WallMs + b.WallMs, a.CpuMs + b.CpuMs);

        public static Timing operator *(Timing a, double k) => new(a.WallMs * k, a.CpuMs * k);

        public string Ms() => $"{Report.Ms(WallMs)} (CPU {Report.Ms(CpuMs)})";

        public string Ns() => $"{Report.Ns(WallMs)} (CPU {Report.Ns(CpuMs)})";

        public string RatioTo(Timing floor) => $"{Report.Ratio(WallMs / floor.WallMs)} (CPU {Report.Ratio(CpuMs / floor.CpuMs)})";

        public override string ToString() => Ms();
    }

    /// <summary>The trie's interior nodes, derived from the sorted key paths.</summary>
    private sealed class TrieShape
    {
        private readonly (ulong A, ulong B, ulong C, ulong D)[] _sorted;
        private readonly int[] _position;
        private readonly int[] _depth;

        private TrieShape((ulong, ulong, ulong, ulong)[] sorted, int[] position, int[] depth, long branches)
        {
            _sorted = sorted;
            _position = position;
            _depth = depth;
            Branches = branches;
        }

        public long Branches { get; }

        public double MeanDepth => _depth.Average();

        public int DepthOf(int keyIndex) => _depth[_position[keyIndex]];

        public static TrieShape Of(byte[][] keys)
        {
            var n = keys.Length;
            var paths = new (ulong, ulong, ulong, ulong)[n];
            Span<byte> buffer = stackalloc byte[Hash256.Size];
            for (var i = 0; i < n; i++)
            {
                SparseMerkleMap.KeyPath(keys[i]).CopyTo(buffer);
                paths[i] = (
                    BinaryPrimitives.ReadUInt64BigEndian(buffer),
                    BinaryPrimitives.ReadUInt64BigEndian(buffer[8..]),
                    BinaryPrimitives.ReadUInt64BigEndian(buffer[16..]),
                    BinaryPrimitives.ReadUInt64BigEndian(buffer[24..]));
            }

            var order = Enumerable.Range(0, n).ToArray();
            Array.Sort(order, (a, b) => paths[a].CompareTo(paths[b]));
            var sorted = order.Select(i => paths[i]).ToArray();
            var position = new int[n];
            for (var p = 0; p < n; p++)
            {
                position[order[p]] = p;
            }

            // A leaf hangs below one branch per prefix it shares with a neighbour: depth = max LCP + 1.
            var lcpNext = new int[Math.Max(0, n - 1)];
            for (var p = 0; p + 1 < n; p++)
            {
                lcpNext[p] = Lcp(sorted[p], sorted[p + 1]);
            }

            var depth = new int[n];
            long total = 0;
            for (var p = 0; p < n; p++)
            {
                var left = p > 0 ? lcpNext[p - 1] + 1 : 0;
                var right = p + 1 < n ? lcpNext[p] + 1 : 0;
                depth[p] = Math.Max(left, right);
                total += depth[p];
            }

            // Distinct prefixes over all root-to-leaf paths: a path shares lcp + 1 of its branches with its predecessor.
            for (var p = 1; p < n; p++)
            {
                total -= lcpNext[p - 1] + 1;
            }

            return new TrieShape(sorted, position, depth, n <= 1 ? 0 : total);
        }

        /// <summary>Interior nodes on the union of the root-to-leaf paths of <paramref name="keyIndexes"/>.</summary>
        public long DirtyBranches(int[] keyIndexes)
        {
            var positions = keyIndexes.Select(i => _position[i]).Distinct().Order().ToArray();
            long total = 0;
            for (var k = 0; k < positions.Length; k++)
            {
                total += _depth[positions[k]];
                if (k > 0)
                {
                    var shared = Lcp(_sorted[positions[k - 1]], _sorted[positions[k]]) + 1;
                    total -= Math.Min(shared, Math.Min(_depth[positions[k - 1]], _depth[positions[k]]));
                }
            }

            return total;
        }

        private static int Lcp((ulong A, ulong B, ulong C, ulong D) x, (ulong A, ulong B, ulong C, ulong D) y)
        {
            if (x.A != y.A)
            {
                return BitOperations.LeadingZeroCount(x.A ^ y.A);
            }

            if (x.B != y.B)
            {
                return 64 + BitOperations.LeadingZeroCount(x.B ^ y.B);
            }

            if (x.C != y.C)
            {
                return 128 + BitOperations.LeadingZeroCount(x.C ^ y.C);
            }

            return x.D != y.D ? 192 + BitOperations.LeadingZeroCount(x.D ^ y.D) : 256;
        }
    }
}
