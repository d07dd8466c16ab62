using System.Diagnostics;
using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.LoadBench;

/// <summary>A verify-rate measurement: verifications per wall-clock second and per CPU second.</summary>
internal sealed record VerifyMeasurement(int Threads, double PerSecond, double PerCpuSecond);

/// <summary>
/// The ceiling: raw ECDSA P-256 verification through <see cref="SignatureVerifier.Verify"/> with
/// warm (already imported) keys and 200-byte messages, on one thread and on every core.
/// </summary>
internal static class VerifyRate
{
    private const int KeysPerThread = 16;

    public static VerifyMeasurement Measure(int threads, double seconds)
    {
        var work = Enumerable.Range(0, threads).Select(_ => Prepare()).ToArray();
        foreach (var set in work)
        {
            // Warm: import every key into the verifier's cache and JIT the path.
            Run(set, 2 * KeysPerThread, long.MaxValue);
        }

        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            counts[t] = Run(work[t], int.MaxValue, end);
        })
        { IsBackground = true, Name = $"verify-{t}" }).ToList();
        workers.ForEach(w => w.Start());
        var cpu0 = Environment.CpuUsage.TotalTime;
        var t0 = Stopwatch.GetTimestamp();
        start.SignalAndWait();
        workers.ForEach(w => w.Join());
        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var cpu = (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds;
        var total = counts.Sum();
        return new VerifyMeasurement(threads, total / wall, total / cpu);
    }

    private static (PublicKey Key, byte[] Message, Signature Signature)[] Prepare() =>
        [.. Enumerable.Range(0, KeysPerThread).Select(_ =>
        {
            using var key = PrivateKey.Generate();
            var message = RandomNumberGenerator.GetBytes(200);
            return (key.PublicKey, message, key.Sign(message));
        })];

    private static long Run((PublicKey Key, byte[] Message, Signature Signature)[] set, int maxCount, long endTicks)
    {
        long done = 0;
        while (done < maxCount)
        {
            foreach (var (key, message, signature) in set)
            {
                if (!SignatureVerifier.Verify(key, message, signature))
                {
                    throw new InvalidOperationException("A valid signature did not verify.");
                }
            }

            done += set.Length;
            if (Stopwatch.GetTimestamp() >= endTicks)
            {
                break;
            }
        }

        return done;
    }
}
