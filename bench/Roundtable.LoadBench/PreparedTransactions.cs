using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Hosting;

namespace Roundtable.LoadBench;

/// <summary>A signed transaction ready to send: its canonical bytes and its hash.</summary>
internal readonly record struct PreparedTx(byte[] Encoded, Hash256 Hash);

/// <summary>
/// Member registrations, each from its own fresh key: a key's first transaction has sequence 0,
/// so they can be sent in any order to any node. Signed before the timed window.
/// </summary>
internal static class PreparedTransactions
{
    public static PreparedTx[] Create(string chainId, int count)
    {
        var groups = GenesisDocument.DefaultGroups;
        var regions = GenesisDocument.DefaultRegions;
        var result = new PreparedTx[count];
        Parallel.For(0, count, i =>
        {
            using var key = PrivateKey.Generate();
            var message = new RegisterMember(
                $"Load member {i}", groups[i % groups.Count].Id, regions[i % regions.Count].Id, [new ProfileField("organisation", Hash256.Compute(System.Text.Encoding.UTF8.GetBytes($"Load test organisation {i}")))]);
            var tx = Transaction.Create(chainId, key, 0, 1_000_000_000, message);
            result[i] = new PreparedTx(tx.Encoded.ToArray(), tx.Hash);
        });
        return result;
    }

    /// <summary>
    /// For the warm-key workload: one registration for each of <paramref name="senders"/> fresh keys,
    /// then <paramref name="count"/> guardian changes cycling over those senders (sender i mod
    /// senders, sequence 1, 2, … in order), each naming the next sender as its one guardian. The
    /// nodes verify these senders' signatures with keys already imported (cached), as for members
    /// who sign often.
    /// </summary>
    public static (PreparedTx[] Registrations, PreparedTx[] Load) CreateWarm(string chainId, int senders, int count)
    {
        var keys = Enumerable.Range(0, senders).Select(_ => PrivateKey.Generate()).ToArray();
        try
        {
            var groups = GenesisDocument.DefaultGroups;
            var regions = GenesisDocument.DefaultRegions;
            var registrations = new PreparedTx[senders];
            Parallel.For(0, senders, s =>
            {
                var message = new RegisterMember($"Load member {s}", groups[s % groups.Count].Id, regions[s % regions.Count].Id, [new ProfileField("organisation", Hash256.Compute(System.Text.Encoding.UTF8.GetBytes($"Load test organisation {s}")))]);
                var tx = Transaction.Create(chainId, keys[s], 0, 1_000_000_000, message);
                registrations[s] = new PreparedTx(tx.Encoded.ToArray(), tx.Hash);
            });

            var load = new PreparedTx[count];
            Parallel.For(0, count, i =>
            {
                var s = i % senders;
                var message = new SetGuardians([keys[(s + 1) % senders].PublicKey.Id], 1);
                var tx = Transaction.Create(chainId, keys[s], 1 + (ulong)(i / senders), 1_000_000_000, message);
                load[i] = new PreparedTx(tx.Encoded.ToArray(), tx.Hash);
            });
            return (registrations, load);
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }
}
