using Roundtable.Core.Crypto;

namespace Roundtable.Core.Tests.Crypto;

public sealed class SignatureVerifierConcurrencyTests
{
    private sealed record Case(PublicKey Key, byte[] Message, Signature Signature, bool Expected);

    private static List<Case> BuildCases(IReadOnlyList<PrivateKey> keys, int perKey)
    {
        var cases = new List<Case>();
        for (var k = 0; k < keys.Count; k++)
        {
            for (var i = 0; i < perKey; i++)
            {
                var message = System.Text.Encoding.UTF8.GetBytes($"key {k} message {i}");
                var signature = keys[k].Sign(message);
                cases.Add(new Case(keys[k].PublicKey, message, signature, true));
                if (keys.Count > 1)
                {
                    cases.Add(new Case(keys[(k + 1) % keys.Count].PublicKey, message, signature, false)); // wrong key
                }

                cases.Add(new Case(keys[k].PublicKey, [.. message, 0], signature, false)); // wrong message
            }
        }

        return cases;
    }

    private static void RunConcurrently(IReadOnlyList<Case> cases, int threads, int rounds)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < rounds; round++)
            {
                // Each thread walks the cases from a different offset, so the same key is hit by
                // several threads at once and different keys are verified side by side.
                for (var i = 0; i < cases.Count; i++)
                {
                    var c = cases[(i + (t * 7) + round) % cases.Count];
                    var actual = SignatureVerifier.Verify(c.Key, c.Message, c.Signature);
                    if (actual != c.Expected)
                    {
                        failures.Enqueue($"thread {t}: expected {c.Expected} for key {c.Key.Id.ToShortString()}");
                    }
                }
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void Many_threads_on_the_same_key_get_correct_answers()
    {
        using var key = PrivateKey.Generate();
        var cases = BuildCases([key], perKey: 40);
        cases.Add(new Case(key.PublicKey, "x"u8.ToArray(), key.Sign("y"u8), false));
        // An equal key held in a different object shares the cache entry.
        cases.Add(new Case(PublicKey.FromP256Point(key.PublicKey.Point), "y"u8.ToArray(), key.Sign("y"u8), true));

        RunConcurrently(cases, threads: 8, rounds: 3);
    }

    [Fact]
    public void Many_threads_on_different_keys_get_correct_answers()
    {
        var keys = Enumerable.Range(0, 12).Select(_ => PrivateKey.Generate()).ToList();
        try
        {
            var cases = BuildCases(keys, perKey: 6);
            var invalid = PublicKey.FromP256Point(Enumerable.Repeat((byte)0x01, 64).ToArray());
            cases.Add(new Case(invalid, "m"u8.ToArray(), keys[0].Sign("m"u8), false));

            RunConcurrently(cases, threads: 8, rounds: 3);
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    [Fact]
    public void Answers_stay_correct_while_the_key_cache_overflows_and_is_cleared()
    {
        // The verifier caches up to 4096 imported keys and clears the cache when it is full;
        // 4,400 distinct keys verified from several threads cross that limit while other
        // threads are still using entries from the cleared cache.
        const int KeyCount = 4_400;
        var cases = new Case[KeyCount];
        Parallel.For(0, KeyCount, i =>
        {
            using var key = PrivateKey.Generate();
            var message = BitConverter.GetBytes(i);
            cases[i] = new Case(key.PublicKey, message, key.Sign(message), true);
        });

        var withNegatives = cases.Concat(cases.Take(200).Select(c => c with { Message = [.. c.Message, 1], Expected = false })).ToList();

        RunConcurrently(withNegatives, threads: 4, rounds: 1);
    }
}
