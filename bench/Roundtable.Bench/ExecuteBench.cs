using System.Diagnostics;
using System.Globalization;
using Roundtable.Application;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Hosting;

namespace Roundtable.Bench;

/// <summary>
/// The application's own work per transaction, without its signature: what each validator does
/// for a transaction of the devnet load benchmark's two workloads (a member replaces its guardian;
/// a fresh key registers a member) besides checking the signature. Three steps, each timed on one
/// thread over the same blocks: the admission check a peer's relayed transaction gets, the one a transaction submitted
/// to this node gets (with its dry run), and the block's execution. Set beside one signature
/// check of the same transactions, measured in the same run: the load benchmark's ceiling counts
/// one check per validator, so every microsecond here is taken from it (docs/benchmarks.md).
/// </summary>
internal static class ExecuteBench
{
    private const string ChainId = BenchChain.ChainId;

    public static void Run(bool quick)
    {
        var members = quick ? 200 : 1_000;
        var (warmup, measured) = quick ? (3, 5) : (30, 40);
        var existing = quick ? 2_000 : 100_000;
        using var validatorKey = PrivateKey.Generate();
        var document = new GenesisDocument
        {
            ChainId = ChainId,
            GenesisTime = "2026-01-01T00:00:00Z",
            Parameters = new GenesisDocument.ParametersDocument(GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, AdmissionRule.Open, 2, 86_400),
            Validators = [new GenesisDocument.ValidatorDocument("bench-validator", validatorKey.PublicKey.ToString(), "technical")],
        };

        // Cached keys: block r has every member, in order, name the next member its one guardian
        // (sequence r + 1), as bench/load.sh --workload warm does.
        var keys = Enumerable.Range(0, members).Select(_ => PrivateKey.Generate()).ToArray();
        try
        {
            var warm = new Chain(LedgerApplication.FromGenesis(document.ToState()), validatorKey);
            warm.Execute(warm.Build([.. keys.Select(Register)]));
            Report.Note($"signing {(warmup + measured) * members:N0} guardian changes by {members:N0} members");
            var changes = Enumerable.Range(0, warmup + measured).Select(r => GuardianChanges(keys, (ulong)r + 1)).ToArray();
            Measure(warm, changes, warmup, $"{members:N0} members, a guardian change each a block");
        }
        finally
        {
            Array.ForEach(keys, k => k.Dispose());
        }

        // Fresh keys: registrations by keys never seen, into a state that already holds
        // <existing> members, as the state of bench/load.sh's default workload grows during a run.
        var fresh = new Chain(LedgerApplication.FromGenesis(document.ToState()), validatorKey);
        Report.Note($"registering {existing:N0} members, then signing {(warmup + measured) * members:N0} more registrations");
        for (var b = 0; b < existing / members; b++)
        {
            fresh.Execute(fresh.Build(NewRegistrations(members, b * members)));
        }

        var registrations = Enumerable.Range(0, warmup + measured).Select(r => NewRegistrations(members, existing + (r * members))).ToArray();
        Measure(fresh, registrations, warmup, $"{existing:N0} members, {members:N0} new registrations a block");
    }

    private static void Measure(Chain chain, Transaction[][] blocks, int warmup, string workload)
    {
        var verify = Stopwatch.StartNew();
        var checks = 0;
        foreach (var tx in blocks[0].Concat(blocks[1]))
        {
            if (!tx.VerifySignature())
            {
                throw new InvalidOperationException("A signed transaction did not verify.");
            }

            checks++;
        }

        var verifyNs = verify.Elapsed.TotalNanoseconds / checks;
        var peer = new Step();
        var entry = new Step();
        var execute = new Step();
        for (var r = 0; r < blocks.Length; r++)
        {
            var timed = r >= warmup;
            var txs = blocks[r];
            peer.Time(timed, txs.Length, () => Admit(chain.App, txs, dryRun: false));
            entry.Time(timed, txs.Length, () => Admit(chain.App, txs, dryRun: true));
            var block = chain.Build(txs);
            execute.Time(timed, txs.Length, () => chain.Execute(block));
        }

        var ceiling = $"one signature check: {Report.Ns(verifyNs)}";
        Report.Row("execute", $"{workload}: a peer's admission check ({peer.BytesPerTx:N0} B allocated per tx)", Report.Ns(peer.NsPerTx), ceiling, Report.Ratio(peer.NsPerTx / verifyNs));
        Report.Row("execute", $"{workload}: the submitter's admission check with dry run ({entry.BytesPerTx:N0} B per tx)", Report.Ns(entry.NsPerTx), ceiling, Report.Ratio(entry.NsPerTx / verifyNs));
        Report.Row("execute", $"{workload}: block execution ({execute.BytesPerTx:N0} B per tx)", Report.Ns(execute.NsPerTx), ceiling, Report.Ratio(execute.NsPerTx / verifyNs));
    }

    private static Transaction[] NewRegistrations(int count, int first)
    {
        var txs = new Transaction[count];
        Parallel.For(0, count, i =>
        {
            using var key = PrivateKey.Generate();
            txs[i] = Register(key, first + i);
        });
        return txs;
    }

    private static Transaction Register(PrivateKey key, int n) =>
        Transaction.Create(
            ChainId, key, 0, ulong.MaxValue,
            new RegisterMember(
                $"Member {n:D6}", GenesisDocument.DefaultGroups[n % 5].Id, GenesisDocument.DefaultRegions[n % 5].Id,
                [new ProfileField("organisation", BenchChain.StandIn($"Organisation {n}")), new ProfileField("url", BenchChain.StandIn($"https://example.org/{n}"))]));

    private static Transaction[] GuardianChanges(PrivateKey[] keys, ulong sequence)
    {
        var txs = new Transaction[keys.Length];
        Parallel.For(0, keys.Length, s =>
            txs[s] = Transaction.Create(ChainId, keys[s], sequence, ulong.MaxValue, new SetGuardians([keys[(s + 1) % keys.Length].PublicKey.Id], 1)));
        return txs;
    }

    private static void Admit(LedgerApplication app, Transaction[] txs, bool dryRun)
    {
        foreach (var tx in txs)
        {
            var result = app.CheckTransaction(tx, 0, signatureVerified: true, dryRun: dryRun);
            if (!result.IsOk)
            {
                throw new InvalidOperationException($"Admission refused a workload transaction: {result.Code}, {result.Reason}");
            }
        }
    }

    /// <summary>Time and allocation of one step, summed over the timed blocks.</summary>
    private sealed class Step
    {
        private long _ticks;
        private long _bytes;
        private long _transactions;

        public double NsPerTx => _ticks * (1e9 / Stopwatch.Frequency) / _transactions;

        public double BytesPerTx => (double)_bytes / _transactions;

        public void Time(bool timed, int transactions, Action step)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            step();
            if (timed)
            {
                _ticks += Stopwatch.GetTimestamp() - start;
                _bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                _transactions += transactions;
            }
        }
    }

    /// <summary>A one-validator chain driven as BenchChain drives it: the block and its commit signature, then execution.</summary>
    private sealed class Chain(LedgerApplication app, PrivateKey validatorKey)
    {
        private Commit? _lastCommit;

        public LedgerApplication App => app;

        public Block Build(Transaction[] txs)
        {
            var block = app.BuildBlock(validatorKey.PublicKey, _lastCommit, txs);
            var timestamp = block.Header.TimeMs + 1_000;
            var payload = CanonicalVote.SigningPayload(ChainId, VoteType.Precommit, block.Header.Height, 0, block.Id, timestamp);
            _lastCommit = new Commit(block.Header.Height, 0, block.Id, [new CommitSignature(validatorKey.PublicKey, timestamp, validatorKey.Sign(payload))]);
            return block;
        }

        public void Execute(Block block)
        {
            var result = app.ExecuteBlock(block.Header, block.Transactions, static _ => true);
            if (result.Results.FirstOrDefault(r => !r.IsOk) is { } bad)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Block {block.Header.Height}: a workload transaction failed ({bad.Code}: {bad.Reason})."));
            }
        }
    }
}
