using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;
using Roundtable.Simulation;

namespace Roundtable.Consensus.Tests.Support;

/// <summary>Validators with deterministic keys, and signed messages from any of them.</summary>
internal sealed class TestValidators
{
    public const string ChainId = "roundtable-test";
    public const ulong GenesisTimeMs = 1_750_000_000_000;

    public TestValidators(int count, ulong[]? powers = null, string prefix = "engine-test")
    {
        Keys = [.. Enumerable.Range(0, count).Select(i => SimKey.Get($"{prefix}/{i}"))];
        Set = new ValidatorSet(Keys.Select((k, i) => new Validator(k.Key, $"v{i}", "group", powers?[i] ?? 1)));
    }

    public SimKey[] Keys { get; }

    public ValidatorSet Set { get; }

    /// <summary>Index (in <see cref="Keys"/>) of the proposer of a round, with the set effective from height 1.</summary>
    public int ProposerOf(ulong height, uint round)
    {
        var key = new ProposerSchedule(Set).ProposerAt(height + round).Key;
        return Array.FindIndex(Keys, k => k.Key.Equals(key));
    }

    /// <summary>A validator other than <paramref name="except"/> that does not propose <paramref name="round"/> at <paramref name="height"/>.</summary>
    public int NonProposer(ulong height, uint round, params int[] except) =>
        Enumerable.Range(0, Keys.Length).First(i => i != ProposerOf(height, round) && !except.Contains(i));

    public Vote Vote(int validator, VoteType type, ulong height, uint round, Hash256 blockId, ulong timestampMs = GenesisTimeMs + 1) =>
        Ledger.Consensus.Vote.Sign(ChainId, type, height, round, blockId, timestampMs, Keys[validator].Key, Keys[validator].Sign);

    public Proposal Proposal(ulong height, uint round, int polRound, Block block, int? signer = null)
    {
        var key = Keys[signer ?? ProposerOf(height, round)];
        return Ledger.Consensus.Proposal.Sign(ChainId, height, round, polRound, block.Id, key.Key, key.Sign);
    }
}

/// <summary>An in-memory application: a fixed validator set, blocks that differ by a salt, and a list of ids it refuses.</summary>
internal sealed class FakeApp : IConsensusApplication
{
    private readonly ValidatorSet _set;
    private int _salt;

    public FakeApp(ValidatorSet set)
    {
        _set = set;
    }

    public ulong Height { get; private set; }

    public Hash256 LastBlockId { get; private set; }

    public ulong LastBlockTimeMs { get; private set; } = TestValidators.GenesisTimeMs;

    public List<(Block Block, Commit Commit)> Committed { get; } = [];

    public HashSet<Hash256> Invalid { get; } = [];

    public Commit? LastCommit => Committed.Count == 0 ? null : Committed[^1].Commit;

    public ChainTip Tip => new(Height, LastCommit, LastBlockTimeMs);

    public (ValidatorSet Validators, ulong EffectiveHeight) ValidatorsFor(ulong height) => (_set, 1);

    public Block CreateProposal(ulong height, PublicKey proposer, Commit? lastCommit) => MakeBlock(height, proposer, lastCommit, $"created {_salt++}");

    public string? ValidateProposal(Block block) =>
        block.Header.Height != Height + 1 ? "wrong height" : Invalid.Contains(block.Id) ? "refused by the test" : null;

    /// <summary>A block for <paramref name="height"/>; different salts give different ids.</summary>
    public Block MakeBlock(ulong height, PublicKey proposer, Commit? lastCommit = null, string salt = "")
    {
        var time = lastCommit is null ? LastBlockTimeMs : lastCommit.MedianTime(_set);
        // The salt goes where this fake application does not look (the state root), so blocks stay decodable.
        var header = new BlockHeader(TestValidators.ChainId, height, time, LastBlockId, Block.ComputeTxRoot([]), Block.ComputeEvidenceRoot([]),
            Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(salt)), _set.Hash, _set.Hash, proposer, lastCommit);
        return new Block(header, []);
    }

    public void Apply(Block block, Commit commit)
    {
        Height = block.Header.Height;
        LastBlockId = block.Id;
        LastBlockTimeMs = block.Header.TimeMs;
        Committed.Add((block, commit));
    }
}

/// <summary>One engine driven by hand: feed events, inspect what it asked for; commits are applied to its app, persists to its WAL.</summary>
internal sealed class EngineUnderTest
{
    public EngineUnderTest(TestValidators validators, int index, bool lockingDisabled = false, FakeApp? app = null)
    {
        Validators = validators;
        Index = index;
        App = app ?? new FakeApp(validators.Set);
        Engine = new TendermintEngine(TestValidators.ChainId, App, validators.Keys[index], ConsensusTiming.Default) { LockingDisabled = lockingDisabled };
    }

    public TestValidators Validators { get; }

    public int Index { get; }

    public FakeApp App { get; }

    public TendermintEngine Engine { get; }

    public List<WalEntry> Wal { get; } = [];

    public List<ConsensusAction> All { get; } = [];

    public IReadOnlyList<ConsensusAction> Last { get; private set; } = [];

    public ulong NowMs { get; set; } = TestValidators.GenesisTimeMs + 10;

    public IReadOnlyList<ConsensusAction> Start(IReadOnlyList<WalEntry>? wal = null) => Record(Engine.Start(App.Tip, wal ?? [], NowMs));

    public IReadOnlyList<ConsensusAction> Feed(ConsensusEvent e) => Record(Engine.Handle(e));

    public IReadOnlyList<ConsensusAction> Propose(uint round, int polRound, Block block, ulong? height = null) =>
        Feed(new ProposalReceived(Validators.Proposal(height ?? Engine.Height, round, polRound, block), block, NowMs));

    public IReadOnlyList<ConsensusAction> VoteFrom(int validator, VoteType type, uint round, Hash256 blockId, ulong? height = null) =>
        Feed(new VoteReceived(Validators.Vote(validator, type, height ?? Engine.Height, round, blockId), NowMs));

    public IReadOnlyList<ConsensusAction> Timeout(TimeoutStep step, uint round, ulong? height = null) =>
        Feed(new TimeoutElapsed(height ?? Engine.Height, round, step, NowMs));

    /// <summary>Every vote this engine broadcast, in order.</summary>
    public IEnumerable<Vote> SentVotes => All.OfType<BroadcastVote>().Select(b => b.Vote);

    /// <summary>The vote this engine sent for a step, or null.</summary>
    public Vote? SentVote(VoteType type, uint round, ulong? height = null) =>
        SentVotes.LastOrDefault(v => v.Type == type && v.Round == round && v.Height == (height ?? Engine.Height));

    /// <summary>A block for the engine's current height from the round's proposer.</summary>
    public Block BlockFor(uint round, string salt) =>
        App.MakeBlock(Engine.Height, Validators.Keys[Validators.ProposerOf(Engine.Height, round)].Key, App.LastCommit, salt);

    private IReadOnlyList<ConsensusAction> Record(IReadOnlyList<ConsensusAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case PersistSigned p:
                    Wal.Add(p.Entry);
                    break;
                case CommitBlock c:
                    App.Apply(c.Block, c.Commit);
                    break;
            }
        }

        All.AddRange(actions);
        Last = actions;
        return actions;
    }
}

/// <summary>
/// Several engines on a perfect network: messages are delivered in order, instantly; when none is
/// in flight the earliest timeout fires. Enough to watch a healthy network decide.
/// </summary>
internal sealed class Cluster
{
    private readonly Queue<(int To, ConsensusEvent Event)> _inFlight = new();
    private readonly PriorityQueue<(int Node, ScheduleTimeout Timeout), (ulong At, long Sequence)> _timeouts = new();
    private long _sequence;

    public Cluster(int count)
    {
        Validators = new TestValidators(count, prefix: "cluster");
        Nodes = [.. Enumerable.Range(0, count).Select(i => new EngineUnderTest(Validators, i))];
    }

    public TestValidators Validators { get; }

    public EngineUnderTest[] Nodes { get; }

    public ulong NowMs { get; private set; } = TestValidators.GenesisTimeMs + 10;

    /// <summary>Runs until every node committed <paramref name="height"/> (or <paramref name="maxSteps"/> events passed).</summary>
    public void RunUntil(ulong height, int maxSteps = 100_000)
    {
        for (var i = 0; i < Nodes.Length; i++)
        {
            Route(i, Nodes[i].Start());
        }

        for (var step = 0; step < maxSteps && Nodes.Any(n => n.App.Height < height); step++)
        {
            if (_inFlight.TryDequeue(out var next))
            {
                Nodes[next.To].NowMs = NowMs;
                Route(next.To, Nodes[next.To].Feed(next.Event));
            }
            else if (_timeouts.TryDequeue(out var timeout, out var at))
            {
                NowMs = Math.Max(NowMs, at.At);
                var node = Nodes[timeout.Node];
                node.NowMs = NowMs;
                Route(timeout.Node, node.Feed(new TimeoutElapsed(timeout.Timeout.Height, timeout.Timeout.Round, timeout.Timeout.Step, NowMs)));
            }
            else
            {
                break;
            }
        }
    }

    private void Route(int from, IReadOnlyList<ConsensusAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case BroadcastProposal p:
                    Send(from, new ProposalReceived(p.Proposal, p.Block, NowMs));
                    break;
                case BroadcastVote v:
                    Send(from, new VoteReceived(v.Vote, NowMs));
                    break;
                case ScheduleTimeout t:
                    _timeouts.Enqueue((from, t), (NowMs + t.DelayMs, _sequence++));
                    break;
            }
        }
    }

    private void Send(int from, ConsensusEvent e)
    {
        for (var to = 0; to < Nodes.Length; to++)
        {
            if (to != from)
            {
                _inFlight.Enqueue((to, e));
            }
        }
    }
}
