using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Bench;

/// <summary>
/// Figure 1: the signature-verification ceiling and how close transaction admission gets to it.
/// Raw verify = <see cref="SignatureVerifier.Verify"/> on pre-made signatures over 200-byte
/// messages by 1,000 keys in rotation; decode+verify = <see cref="Transaction.Decode"/> plus
/// <see cref="Transaction.VerifySignature"/> on realistic signed transactions. Fresh keys: 20,000
/// keys in rotation, each signature by a key the verifier saw 20,000 signatures ago, through
/// <see cref="SignatureVerifier"/> (libcrypto directly) and, as the peer in the same run, through
/// .NET's ECDsa with its key cache (<see cref="DotNetEcdsa"/>, the path before libcrypto was called
/// directly), whose two generations of 8,192 keys cannot hold 20,000: every lookup imports.
/// </summary>
internal static class VerifyBench
{
    private const string ChainId = "bench-chain";
    private const int WarmKeys = 1_000;

    // Above DotNetEcdsa's two cache generations (2 × 8,192), cycled in order: every lookup misses.
    private const int ColdKeys = 20_000;

    public static void Run(bool quick)
    {
        var threads = Environment.ProcessorCount;
        var rounds = quick ? 2 : 5;
        var opsPerThread = quick ? 1_000 : 5_000;
        var decodeOps = quick ? 20_000 : 200_000;
        var loadBefore = Report.LoadAverage();

        Report.Note($"verify: generating {WarmKeys} + {ColdKeys} P-256 keys and signing");
        var warm = Enumerable.Range(0, WarmKeys).Select(_ => PrivateKey.Generate()).ToArray();
        var random = new Random(1);

        // Raw: two 200-byte messages per key.
        var raw = new (PublicKey Key, byte[] Message, Signature Signature)[WarmKeys * 2];
        for (var i = 0; i < raw.Length; i++)
        {
            var message = new byte[200];
            random.NextBytes(message);
            var key = warm[i % WarmKeys];
            raw[i] = (key.PublicKey, message, key.Sign(message));
        }

        // Realistic transactions: every sender registers, sets guardians, attests — three message kinds.
        var ids = warm.Select(k => k.PublicKey.Id).ToArray();
        var txs = new List<byte[]>(WarmKeys * 3);
        for (var i = 0; i < WarmKeys; i++)
        {
            txs.Add(Registration(warm[i], i));
            txs.Add(Transaction.Create(ChainId, warm[i], 1, 1_000_000, new SetGuardians(Guardians(ids, i, 3), 2)).Encoded.ToArray());
            txs.Add(Transaction.Create(ChainId, warm[i], 2, 1_000_000, new AttestAffiliation(ids[(i + 7) % WarmKeys])).Encoded.ToArray());
        }

        // Interleave senders so consecutive transactions come from different keys, as in a block.
        var warmTxs = txs.Select((t, i) => (t, i)).OrderBy(p => (p.i % 3 * WarmKeys) + (p.i / 3)).Select(p => p.t).ToArray();
        var coldTxs = new byte[ColdKeys][];
        var coldRaw = new (PublicKey Key, byte[] Message, Signature Signature)[ColdKeys];
        for (var i = 0; i < ColdKeys; i++)
        {
            using var key = PrivateKey.Generate();
            coldTxs[i] = Registration(key, i);
            var message = new byte[200];
            random.NextBytes(message);
            coldRaw[i] = (key.PublicKey, message, key.Sign(message));
        }

        var averageTxBytes = warmTxs.Average(t => t.Length);
        foreach (var key in warm)
        {
            key.Dispose();
        }

        // Sanity: everything verifies.
        if (!raw.All(r => SignatureVerifier.Verify(r.Key, r.Message, r.Signature))
            || !warmTxs.All(t => Transaction.Decode(t).VerifySignature())
            || !coldTxs.All(t => Transaction.Decode(t).VerifySignature()))
        {
            throw new InvalidOperationException("A pre-made signature does not verify.");
        }

        var samples = new Dictionary<string, List<double>>();
        void Add(string name, double rate)
        {
            if (!samples.TryGetValue(name, out var list))
            {
                samples[name] = list = [];
            }

            list.Add(rate);
        }

        var coldCursor = 0;

        // The .NET path keeps its own cursor: a key comes back to it only after 20,000 of its own lookups.
        var dotNetCursor = 0;
        var openSsl = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            if (round is 1 || round == rounds)
            {
                // The same curve in the C library underneath .NET, one thread, as an outside peer.
                if (OpenSslVerifyRate(quick ? 1 : 3) is { } rate)
                {
                    openSsl.Add(rate);
                }
            }

            // Round 0 warms up the JIT (tiered compilation) and is discarded.
            var record = round > 0;
            foreach (var t in threads == 1 ? new[] { 1 } : [1, threads])
            {
                WarmCache(raw);
                var (rawRate, rawCpu) = RawVerify(raw, t, opsPerThread);
                WarmCache(raw);
                var (txRate, txCpu) = DecodeVerify(warmTxs, t, opsPerThread);
                var (coldRate, coldCpu) = DecodeVerify(coldTxs, t, opsPerThread, coldCursor);

                // Continue where this run stopped: a key comes round again only after 10,000 others,
                // so with the cache bound at 4,096 every lookup misses.
                coldCursor = (coldCursor + (t * opsPerThread)) % ColdKeys;
                if (record)
                {
                    Add($"raw{t}", rawRate);
                    Add($"tx{t}", txRate);
                    Add($"cold{t}", coldRate);
                    Add($"raw{t}cpu", rawCpu);
                    Add($"tx{t}cpu", txCpu);
                    Add($"cold{t}cpu", coldCpu);
                    Add($"ratio{t}", txRate / rawRate);
                    Add($"coldratio{t}", coldRate / rawRate);
                    Add($"ratio{t}cpu", txCpu / rawCpu);
                    Add($"coldratio{t}cpu", coldCpu / rawCpu);
                }
            }

            var (decodeRate, decodeCpu) = DecodeOnly(warmTxs, decodeOps);
            var (freshRate, freshCpu) = FreshVerify(coldRaw, opsPerThread, coldCursor, (k, m, s) => SignatureVerifier.Verify(k, m, s));
            var (dotNetRate, dotNetCpu) = FreshVerify(coldRaw, opsPerThread, dotNetCursor, (k, m, s) => DotNetEcdsa.Verify(k, m, s.RS));
            coldCursor = (coldCursor + opsPerThread) % ColdKeys;
            dotNetCursor = (dotNetCursor + opsPerThread) % ColdKeys;
            if (record)
            {
                Add("decode1", decodeRate);
                Add("decode1cpu", decodeCpu);
                Add("fresh1", freshRate);
                Add("fresh1cpu", freshCpu);
                Add("dotnet1", dotNetRate);
                Add("dotnet1cpu", dotNetCpu);
                Add("freshratio1", freshRate / dotNetRate);
                Add("freshratio1cpu", freshCpu / dotNetCpu);
            }

            Report.Note($"verify: round {round} done");
        }

        double M(string name) => Measure.Median(samples[name]);
        string R(string name) => Report.Rate(M(name), M(name + "cpu"));
        string Q(string name) => Report.Ratio(M(name)) + " (CPU " + Report.Ratio(M(name + "cpu")) + ")";
        var all = $"{threads} threads";
        Report.Row("verify", "raw ECDSA P-256 verify (SignatureVerifier.Verify, 200-byte messages, 1,000 keys in rotation), 1 thread", R("raw1"));
        if (threads > 1)
        {
            Report.Row("verify", $"raw ECDSA P-256 verify, {all}", R($"raw{threads}"), "raw verify, 1 thread", Report.Ratio(M($"raw{threads}") / M("raw1")) + " (scaling)");
        }

        Report.Row("verify", $"Transaction.Decode + VerifySignature, {WarmKeys:N0} senders (avg {averageTxBytes:N0} B/tx), 1 thread", R("tx1"), "raw verify, 1 thread", Q("ratio1"));
        if (threads > 1)
        {
            Report.Row("verify", $"Transaction.Decode + VerifySignature, {WarmKeys:N0} senders, {all}", R($"tx{threads}"), $"raw verify, {all}", Q($"ratio{threads}"));
        }

        Report.Row("verify", $"Transaction.Decode + VerifySignature, {ColdKeys:N0} senders in rotation (a key unseen for 20,000 checks), 1 thread", R("cold1"), "raw verify, 1 thread", Q("coldratio1"));
        if (threads > 1)
        {
            Report.Row("verify", $"Transaction.Decode + VerifySignature, {ColdKeys:N0} senders in rotation, {all}", R($"cold{threads}"), $"raw verify, {all}", Q($"coldratio{threads}"));
        }

        Report.Row("verify", "Transaction.Decode alone (no verify), 1 thread", R("decode1"), "raw verify, 1 thread", Report.Ratio(M("decode1") / M("raw1")));
        Report.Row("verify", $"raw verify, a fresh key each time ({ColdKeys:N0} keys in rotation), libcrypto directly (SignatureVerifier), 1 thread", R("fresh1"), "raw verify, 1 thread", Report.Ratio(M("fresh1") / M("raw1")));
        Report.Row("verify", $"raw verify, a fresh key each time, .NET ECDsa import + verify (DotNetEcdsa, the path before), 1 thread", R("dotnet1"), "libcrypto directly, fresh keys", Q("freshratio1") + " (libcrypto ÷ .NET)");
        if (openSsl.Count > 0)
        {
            // openssl speed divides by user CPU time, so it is compared with the per-CPU-second rate.
            Report.Row("verify", "peer: `openssl speed ecdsap256` verify, 1 thread (C; per user CPU-s)", Report.Rate(openSsl.Average()), $"raw verify, 1 thread, per CPU-s: {M("raw1cpu"):N0}", Report.Ratio(M("raw1cpu") / openSsl.Average()) + " (.NET ÷ openssl)");
        }

        Report.Row("verify", "1-min load average before → after", $"{loadBefore} → {Report.LoadAverage()}");
    }

    /// <summary>Verifications per second reported by <c>openssl speed ecdsap256</c>, or null without openssl.</summary>
    private static double? OpenSslVerifyRate(int seconds)
    {
        // " 256 bits ecdsa (nistp256)   0.0000s   0.0001s  40808.3  13133.8": the last field is verify/s.
        var line = OpenSsl.Speed("nistp256", "speed", "-seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "ecdsap256");
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && double.TryParse(fields[^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate)
            ? rate
            : null;
    }

    private static byte[] Registration(PrivateKey key, int i) =>
        Transaction.Create(
            ChainId, key, 0, 1_000_000,
            new RegisterMember(
                $"Member {i:D5} of the bench network", "technical", "western-europe-others",
                [new ProfileField("organisation", BenchChain.StandIn($"Example Registry Services {i}")), new ProfileField("url", BenchChain.StandIn($"https://example.org/members/{i}"))]))
        .Encoded.ToArray();

    private static Hash256[] Guardians(Hash256[] ids, int self, int count) =>
        [.. Enumerable.Range(1, count).Select(k => ids[(self + (k * 13)) % ids.Length]).Distinct().Order()];

    private static void WarmCache((PublicKey Key, byte[] Message, Signature Signature)[] raw)
    {
        // Where SignatureVerifier falls back to .NET's ECDsa, it caches imported keys: import every warm key before timing.
        for (var i = 0; i < WarmKeys; i++)
        {
            SignatureVerifier.Verify(raw[i].Key, raw[i].Message, raw[i].Signature);
        }
    }

    private static (double Wall, double Cpu) RawVerify((PublicKey Key, byte[] Message, Signature Signature)[] items, int threads, int opsPerThread)
    {
        var failures = 0;
        var elapsed = Measure.OnThreads(threads, t =>
        {
            var bad = 0;
            for (var i = 0; i < opsPerThread; i++)
            {
                var (key, message, signature) = items[((i * threads) + t) % items.Length];
                if (!SignatureVerifier.Verify(key, message, signature))
                {
                    bad++;
                }
            }

            Interlocked.Add(ref failures, bad);
        });
        return failures != 0
            ? throw new InvalidOperationException("Verification failed.")
            : (threads * opsPerThread / elapsed.Wall.TotalSeconds, threads * opsPerThread / elapsed.Cpu.TotalSeconds);
    }

    private static (double Wall, double Cpu) DecodeVerify(byte[][] items, int threads, int opsPerThread, int start = 0)
    {
        var failures = 0;
        var elapsed = Measure.OnThreads(threads, t =>
        {
            var bad = 0;
            for (var i = 0; i < opsPerThread; i++)
            {
                var tx = Transaction.Decode(items[(start + (i * threads) + t) % items.Length]);
                if (!tx.VerifySignature())
                {
                    bad++;
                }
            }

            Interlocked.Add(ref failures, bad);
        });
        return failures != 0
            ? throw new InvalidOperationException("Verification failed.")
            : (threads * opsPerThread / elapsed.Wall.TotalSeconds, threads * opsPerThread / elapsed.Cpu.TotalSeconds);
    }

    private static (double Wall, double Cpu) FreshVerify((PublicKey Key, byte[] Message, Signature Signature)[] items, int ops, int start, Func<PublicKey, byte[], Signature, bool> verify)
    {
        var failures = 0;
        var elapsed = Measure.TimeWithCpu(() =>
        {
            for (var i = 0; i < ops; i++)
            {
                var (key, message, signature) = items[(start + i) % items.Length];
                failures += verify(key, message, signature) ? 0 : 1;
            }
        });
        return failures != 0
            ? throw new InvalidOperationException("Verification failed.")
            : (ops / elapsed.Wall.TotalSeconds, ops / elapsed.Cpu.TotalSeconds);
    }

    private static (double Wall, double Cpu) DecodeOnly(byte[][] items, int ops)
    {
        ulong sink = 0;
        var elapsed = Measure.TimeWithCpu(() =>
        {
            for (var i = 0; i < ops; i++)
            {
                sink += Transaction.Decode(items[i % items.Length]).Sequence;
            }
        });
        GC.KeepAlive(sink);
        return (ops / elapsed.Wall.TotalSeconds, ops / elapsed.Cpu.TotalSeconds);
    }
}
