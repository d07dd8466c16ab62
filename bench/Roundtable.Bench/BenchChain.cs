using System.Globalization;
using Roundtable.Application;
using Roundtable.Application.Genesis;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Chain;
using Roundtable.Node.Hosting;
using Roundtable.Storage;

namespace Roundtable.Bench;

/// <summary>
/// Builds a node home holding a valid chain, block by block, as <c>ChainState</c> with a single
/// validator would (<see cref="LedgerApplication.BuildBlock"/>, a signed precommit, execution,
/// <see cref="StoredBlock"/> in the block store, a snapshot every
/// <see cref="NodeConfig.SnapshotInterval"/> blocks), except that
/// appends are not fsynced one by one (one sync at the end) and only the snapshots the node would
/// still retain at the end are written: the resulting files are the ones a node would leave.
/// </summary>
internal sealed class BenchChain
{
    public const string ChainId = "bench-chain";

    /// <summary>A stand-in profile commitment, distinct per text (the bench never discloses values).</summary>
    public static Hash256 StandIn(string text) => Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(text));

    public required NodeHome Home { get; init; }

    public required GenesisState Genesis { get; init; }

    public required ulong Height { get; init; }

    public required Hash256 StateRoot { get; init; }

    public required long Transactions { get; init; }

    public required int Members { get; init; }

    public required int KeyCount { get; init; }

    public required ulong SnapshotInterval { get; init; }

    public required BlockHeader TipHeader { get; init; }

    /// <summary>Creates a home under <paramref name="root"/> with <paramref name="blocks"/> blocks.</summary>
    /// <param name="root">Home directory (created).</param>
    /// <param name="blocks">Chain height to build.</param>
    /// <param name="txBlockEvery">Every this many blocks carries <paramref name="txPerBlock"/> transactions.</param>
    /// <param name="txPerBlock">Transactions in a block that carries any.</param>
    /// <param name="memberKeys">Distinct member keys (each registers, then sets guardians repeatedly).</param>
    /// <param name="genesisTime">Genesis time (default 2026-01-01); blocks follow it one second apart.</param>
    public static BenchChain Build(string root, int blocks, int txBlockEvery, int txPerBlock, int memberKeys, DateTimeOffset? genesisTime = null)
    {
        var config = new NodeConfig();
        var home = new NodeHome(root);
        using var validatorKey = PrivateKey.Generate();
        var document = new GenesisDocument
        {
            ChainId = ChainId,
            GenesisTime = (genesisTime ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Parameters = new GenesisDocument.ParametersDocument(GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, AdmissionRule.Open, 2, 86_400),
            Validators = [new GenesisDocument.ValidatorDocument("bench-validator", validatorKey.PublicKey.ToString(), "technical")],
        };
        home.Initialize(config, document, validatorKey);
        var genesis = GenesisDocument.Load(home.GenesisFile).ToState();

        var app = LedgerApplication.FromGenesis(genesis);
        var workload = new Workload(memberKeys);
        var retainFrom = (ulong)blocks - (config.SnapshotInterval * (ulong)new SnapshotStoreOptions().Retain);
        var snapshots = new SnapshotStore(home.SnapshotsDirectory);
        long txCount = 0;
        BlockHeader tipHeader;
        using (var store = BlockStore.Open(home.BlocksDirectory, out _))
        {
            Commit? lastCommit = null;
            BlockHeader? tip = null;
            for (var h = 1UL; h <= (ulong)blocks; h++)
            {
                var txs = h % (ulong)txBlockEvery == 0 ? workload.Next(txPerBlock) : [];

                // What ChainState.CreateProposal does: the application builds the next block.
                var block = app.BuildBlock(validatorKey.PublicKey, lastCommit, txs);
                var time = block.Header.TimeMs;
                if ((h <= 10 || h % 97 == 0) && app.ValidateBlock(block) is { } problem)
                {
                    throw new InvalidOperationException($"Block {h} is not valid: {problem}.");
                }

                // The solo engine's precommit, one (simulated) second after the block time.
                var timestamp = time + 1_000;
                var payload = CanonicalVote.SigningPayload(ChainId, VoteType.Precommit, h, 0, block.Id, timestamp);
                var commit = new Commit(h, 0, block.Id, [new CommitSignature(validatorKey.PublicKey, timestamp, validatorKey.Sign(payload))]);

                // The transactions were signed just above, as the mempool would have verified them.
                var result = app.ExecuteBlock(block.Header, block.Transactions, static _ => true);
                if (result.Results.Any(r => !r.IsOk))
                {
                    var bad = result.Results.First(r => !r.IsOk);
                    throw new InvalidOperationException($"Block {h}: the workload produced a failing transaction ({bad.Code}: {bad.Reason}).");
                }

                store.Append(h, new StoredBlock(block, commit, result.Results, new ValidatorHistory(1, null)).ToBytes(), [.. txs.Select(t => t.Hash)], sync: false);
                txCount += txs.Length;
                lastCommit = commit;
                tip = block.Header;
                if (h % config.SnapshotInterval == 0 && h > retainFrom)
                {
                    snapshots.Save(app.Height, app.StateRoot, app.ExportOrdered());
                }

                if (h % 10_000 == 0 || h * (ulong)txPerBlock % 100_000 == 0)
                {
                    Report.Note($"built {h:N0} blocks");
                }
            }

            store.Sync();
            tipHeader = tip!;
        }

        return new BenchChain
        {
            Home = home,
            Genesis = genesis,
            Height = app.Height,
            StateRoot = app.StateRoot,
            Transactions = txCount,
            Members = workload.Registered,
            KeyCount = app.KeyCount,
            SnapshotInterval = config.SnapshotInterval,
            TipHeader = tipHeader,
        };
    }

    /// <summary>Members register (open admission), then keep replacing their guardians.</summary>
    private sealed class Workload(int memberKeys)
    {
        private readonly Random _random = new(11);
        private readonly List<(PrivateKey Key, ulong NextSequence)> _members = [];
        private readonly List<(PrivateKey Key, ulong NextSequence)> _pending = [];
        private int _nextRegistration;

        public int Registered => _members.Count;

        public Transaction[] Next(int count)
        {
            var txs = new Transaction[count];
            var senders = new HashSet<int>();
            for (var i = 0; i < count; i++)
            {
                if (_nextRegistration < memberKeys && (_members.Count < 16 || i % 2 == 0))
                {
                    var key = PrivateKey.Generate();
                    var n = _nextRegistration++;
                    txs[i] = Transaction.Create(
                        ChainId, key, 0, ulong.MaxValue,
                        new RegisterMember(
                            $"Member {n:D5}", GenesisDocument.DefaultGroups[n % 5].Id, GenesisDocument.DefaultRegions[n % 5].Id,
                            [new ProfileField("organisation", StandIn($"Organisation {n}")), new ProfileField("url", StandIn($"https://example.org/{n}"))]));
                    _pending.Add((key, 1));
                    continue;
                }

                // One transaction per sender per block keeps sequences trivially right.
                int s;
                do
                {
                    s = _random.Next(_members.Count);
                }
                while (!senders.Add(s));

                var (sender, sequence) = _members[s];
                var guardians = new SortedSet<Hash256>();
                while (guardians.Count < 2)
                {
                    var g = _random.Next(_members.Count);
                    if (g != s)
                    {
                        guardians.Add(_members[g].Key.PublicKey.Id);
                    }
                }

                txs[i] = Transaction.Create(ChainId, sender, sequence, ulong.MaxValue, new SetGuardians([.. guardians], (uint)(1 + _random.Next(2))));
                _members[s] = (sender, sequence + 1);
            }

            // Registrations become senders from the next block on.
            _members.AddRange(_pending);
            _pending.Clear();
            return txs;
        }
    }
}
