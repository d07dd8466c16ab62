using Roundtable.Application.Execution;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application.Tests.Support;

/// <summary>
/// A seeded mix of valid and invalid transactions over every members-module message, driven
/// against a live chain so that most sequences are right and many messages succeed. The same
/// seed gives the same decisions (keys are derived from names); only the ECDSA signatures differ
/// between two generations.
/// </summary>
internal static class RandomWorkload
{
    /// <summary>Runs <paramref name="blocks"/> random blocks on a fresh chain and returns it.</summary>
    public static TestChain Run(int seed, int blocks, int maxTxPerBlock = 8)
    {
        var chain = new TestChain(attestationsRequired: 2, recoveryDelayMs: 30_000);
        var random = new Random(seed);
        var names = new List<string>();
        foreach (var group in TestChain.Groups)
        {
            names.Add($"founder/{group}/0");
            names.Add($"founder/{group}/1");
        }

        for (var i = 0; i < 10; i++)
        {
            names.Add($"workload/{i}");
        }

        for (var b = 0; b < blocks; b++)
        {
            var used = new Dictionary<PublicKey, ulong>();
            var count = random.Next(0, maxTxPerBlock + 1);
            var txs = new List<Transaction>(count);
            for (var t = 0; t < count; t++)
            {
                var signer = TestKeys.Get(Pick(random, names));
                used.TryGetValue(signer.PublicKey, out var inBlock);
                var sequence = chain.App.DescribeSender(signer.PublicKey).NextSequence + inBlock;
                used[signer.PublicKey] = inBlock + 1;
                txs.Add(Envelope(chain, random, signer, sequence, Message(chain, random, signer, names)));
            }

            var time = chain.App.Height == 0 ? TestChain.GenesisTimeMs : chain.App.LastBlockTimeMs + (ulong)random.Next(1, 20_000);
            chain.ExecuteAt(time, [.. txs]);
        }

        return chain;
    }

    /// <summary>Every result code of every block, in order.</summary>
    public static IReadOnlyList<TxCode> Codes(TestChain chain, LedgerApplication? app = null)
    {
        app ??= LedgerApplication.FromGenesis(chain.Genesis);
        var codes = new List<TxCode>();
        foreach (var (header, txs) in chain.Blocks)
        {
            codes.AddRange(app.ExecuteBlock(header, txs).Results.Select(r => r.Code));
        }

        return codes;
    }

    private static Transaction Envelope(TestChain chain, Random random, PrivateKey signer, ulong sequence, TxMessage message)
    {
        var height = chain.App.Height + 1;
        switch (random.Next(0, 20))
        {
            case 0:
                return chain.Tx(signer, message, sequence: sequence + 1);
            case 1:
                return chain.Tx(signer, message, sequence: sequence, chainId: "another-chain");
            case 2:
                return chain.Tx(signer, message, sequence: sequence, expiryHeight: height - 1);
            case 3:
                var genuine = chain.Tx(signer, message, sequence: sequence);
                var other = chain.Tx(TestKeys.Get("workload/forger"), message, sequence: sequence);
                return Transaction.FromParts(TestChain.Id, signer.PublicKey, sequence, TestChain.FarExpiry, genuine.Message, other.Signature);
            default:
                return chain.Tx(signer, message, sequence: sequence, expiryHeight: height + (ulong)random.Next(0, 5));
        }
    }

    private static TxMessage Message(TestChain chain, Random random, PrivateKey signer, List<string> names)
    {
        var target = TestKeys.Get(Pick(random, names)).PublicKey.Id;
        var self = chain.App.DescribeSender(signer.PublicKey).Member?.Id ?? signer.PublicKey.Id;
        switch (random.Next(0, 12))
        {
            case 0:
            case 1:
                var group = random.Next(0, 10) == 0 ? "no-such-group" : Pick(random, TestChain.Groups);
                return new RegisterMember("Member " + random.Next(0, 1000), group, Pick(random, TestChain.Regions), []);
            case 2:
            case 3:
            case 4:
                return new AttestAffiliation(target);
            case 5:
                var fresh = $"workload/rotated/{random.Next(0, 6)}";
                names.Add(fresh);
                var newKey = TestKeys.Get(fresh);
                var prover = random.Next(0, 4) == 0 ? signer : newKey;
                return new RotateKey(newKey.PublicKey, prover.Sign(RotateKey.PossessionPayload(TestChain.Id, self)));
            case 6:
            case 7:
                var guardians = names.Take(10).OrderBy(_ => random.Next()).Take(random.Next(0, 4))
                    .Select(n => TestKeys.Get(n).PublicKey.Id).Distinct().Order().ToArray();
                var threshold = (uint)random.Next(0, guardians.Length + 2);
                return new SetGuardians(guardians, threshold);
            case 8:
            case 9:
                var recoveryName = $"workload/recovery/{random.Next(0, 3)}";
                if (random.Next(0, 2) == 0)
                {
                    names.Add(recoveryName);
                }

                return new ApproveRecovery(target, TestKeys.Get(recoveryName).PublicKey);
            case 10:
                return new CancelRecovery();
            default:
                return random.Next(0, 3) == 0 ? new RevokeKey() : new AttestAffiliation(Hash256.Compute([(byte)random.Next(0, 256)]));
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(0, items.Count)];
}
