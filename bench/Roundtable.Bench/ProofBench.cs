using Roundtable.Core.Crypto;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;
using Roundtable.Proofs.Tests.Support;
using Roundtable.Proofs.Verification;

namespace Roundtable.Bench;

/// <summary>
/// Offline verification (docs/proofs.md): a bundle's cost against the raw P-256 verification rate
/// measured in the same run, on one thread as `roundtable verify` runs. The ratio
/// bundle time / one raw verification should be close to the number of signatures the bundle
/// checks; the rest is hashing and decoding. Then a light client syncing 10,000 headers.
/// </summary>
internal static class ProofBench
{
    public static void Run(bool quick)
    {
        var rounds = quick ? 3 : 9;
        var loadBefore = Report.LoadAverage();
        var rawUs = RawVerifyMicroseconds(quick ? 500 : 4_000, keys: 1, rounds);
        Report.Row("proofs", "raw P-256 verify, 1 thread, one warm key", Report.Rate(1_000_000 / rawUs), "ceiling", "1.00");

        // A bundle's signers are many distinct keys; each imported key is cached, but the curve
        // arithmetic per key is not shared, so the fair ceiling for a 1,100-signature bundle is this one.
        var manyKeysUs = RawVerifyMicroseconds(quick ? 500 : 4_400, keys: 1_100, rounds);
        Report.Row("proofs", "raw P-256 verify, 1 thread, 1,100 warm keys in turn", Report.Rate(1_000_000 / manyKeysUs), Report.Rate(1_000_000 / rawUs), Report.Ratio(rawUs / manyKeysUs));

        Report.Note("proofs: building a 4-validator chain and a 100-validator chain with 10 set changes");
        var small = new SignedChain(validators: 4);
        small.Append(writes: [("anchor/doc", "record")]);
        small.AppendEmpty(1);
        Bundle("4 validators, genesis, 1 state claim", small, [small.ProveState(2, "anchor/doc")], rawUs, rounds);

        var large = new SignedChain(validators: 100);
        for (var change = 1; change <= 10; change++)
        {
            large.ChangeValidatorsAt(large.LastHeight + 2, large.NewSet(100, keySeed: change));
            large.AppendEmpty(1);
        }

        large.Append(writes: [("anchor/doc", "record")]);
        large.AppendEmpty(2);
        Bundle("100 validators, 10 set changes, 1 state claim", large, [large.ProveState(large.LastHeight, "anchor/doc")], manyKeysUs, rounds);

        LightSync(quick ? 1_000 : 10_000, rawUs);
        Report.Note($"proofs: load average {loadBefore} before, {Report.LoadAverage()} after");
    }

    /// <summary>One bundle's verification time against <paramref name="rawUs"/>, one raw verification with keys like the bundle's.</summary>
    private static void Bundle(string name, SignedChain chain, IReadOnlyList<ProofClaim> claims, double rawUs, int rounds)
    {
        var bytes = new BundleAssembler(chain, chain.Genesis).Assemble(claims, null).ToBytes();
        var signatures = ProofBundle.Decode(bytes).Headers.Sum(h => h.Commit.Signatures.Count);
        var samples = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var elapsed = Measure.Time(() =>
            {
                var result = BundleVerifier.Verify(ProofBundle.Decode(bytes), chain.Genesis.Hash);
                if (!result.IsVerified)
                {
                    throw new InvalidOperationException("The benchmark bundle does not verify: " + result.Reason);
                }
            });
            samples.Add(elapsed.TotalMicroseconds);
        }

        // The first round imports every key once (a fresh `roundtable verify` process); the median is warm.
        var median = Measure.Median(samples.Skip(1));
        var decodeUs = Measure.Median(Enumerable.Range(0, rounds).Select(_ => Measure.Time(() => ProofBundle.Decode(bytes)).TotalMicroseconds));
        Report.Row(
            "proofs",
            $"verify bundle: {name} ({bytes.Length:N0} bytes, {signatures} signatures)",
            $"{Report.Ms(median / 1000)} warm (decoding {Report.Ms(decodeUs / 1000)}), {Report.Ms(samples[0] / 1000)} first",
            $"{signatures} × raw verify = {Report.Ms(signatures * rawUs / 1000)}",
            Report.Ratio(median / rawUs) + $" raw verifies per bundle (signatures: {signatures})");
    }

    private static void LightSync(int headers, double rawUs)
    {
        Report.Note($"proofs: building {headers:N0} headers (4 validators, a new set every {headers / 10:N0})");
        var chain = new SignedChain(validators: 4);
        for (var h = 1; h <= headers; h++)
        {
            if (h % (headers / 10) == 0)
            {
                chain.ChangeValidatorsAt((ulong)h + 2, chain.NewSet(4, keySeed: h));
            }

            chain.Append();
        }

        var now = SignedChain.GenesisTimeMs + ((ulong)headers * 1000);
        foreach (var sequential in new[] { true, false })
        {
            var source = new ChainSource(chain);
            var client = new LightClient(chain.ChainId, TrustedState.From(chain.Genesis), new LightClientOptions { Sequential = sequential });
            LightSync? result = null;
            var elapsed = Measure.Time(() => result = client.SyncAsync(source, null, (ulong)headers, now).GetAwaiter().GetResult());
            var signatures = result!.HeadersVerified * 4;
            Report.Row(
                "proofs",
                $"light client, {headers:N0} headers, 10 set changes, {(sequential ? "sequential" : "skipping")}",
                $"{Report.Seconds(elapsed.TotalSeconds)} ({result.HeadersVerified:N0} headers checked, {Report.Rate(headers / elapsed.TotalSeconds)} of chain)",
                $"{signatures:N0} × raw verify = {Report.Seconds(signatures * rawUs / 1_000_000)}",
                Report.Ratio(elapsed.TotalMicroseconds / (signatures * rawUs)));
        }
    }

    private static double RawVerifyMicroseconds(int count, int keys, int rounds)
    {
        var signers = Enumerable.Range(0, keys).Select(_ => PrivateKey.Generate()).ToArray();
        var messages = Enumerable.Range(0, count).Select(i => BitConverter.GetBytes(i).Concat(new byte[150]).ToArray()).ToArray();
        var signatures = messages.Select((m, i) => signers[i % keys].Sign(m)).ToArray();
        var samples = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var elapsed = Measure.Time(() =>
            {
                for (var i = 0; i < count; i++)
                {
                    if (!SignatureVerifier.Verify(signers[i % keys].PublicKey, messages[i], signatures[i]))
                    {
                        throw new InvalidOperationException("A pre-made signature does not verify.");
                    }
                }
            });
            samples.Add(elapsed.TotalMicroseconds / count);
        }

        foreach (var signer in signers)
        {
            signer.Dispose();
        }

        // The first round imports the keys; the median is warm.
        return Measure.Median(samples.Skip(1));
    }
}
