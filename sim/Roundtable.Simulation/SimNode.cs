using Roundtable.Application;
using Roundtable.Application.Validators;
using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;
using Roundtable.Mempool;

namespace Roundtable.Simulation;

/// <summary>
/// One simulated machine, built like the real node: a <see cref="LedgerApplication"/>, a block
/// list with commits, a mempool, an evidence pool and a <see cref="TendermintEngine"/>, with this
/// class implementing <see cref="IConsensusApplication"/> the way <c>ChainState</c> does.
/// What it persists (blocks with commits, and the WAL — the <see cref="PersistSigned"/> entries
/// "fsynced" before a crash) survives a crash; everything else is rebuilt on restart.
/// </summary>
internal sealed class SimNode : IConsensusApplication
{
    private const int MaxCatchUpBatch = 16;
    private const ulong GossipIntervalMs = 500;
    private const ulong SlowHeightMs = 1_500;

    private readonly SimulationRun _sim;
    private readonly HashSet<Vote> _persistedVotes = [];
    private readonly HashSet<Vote> _deliveredVotes = [];
    private readonly HashSet<Proposal> _deliveredProposals = [];
    private readonly SortedDictionary<ulong, List<SimMessage>> _seen = [];

    // The hashes of EvidencePool: an evidence hash is an encoding and a SHA-256, and a scale run's
    // pool holds hundreds, checked against every evidence message that arrives.
    private readonly HashSet<Hash256> _pooledEvidence = [];
    private ulong _engineHeight;
    private ulong _heightStartedAt;
    private ulong _catchUpDeadline;

    public SimNode(SimulationRun sim, NodeSpec spec)
    {
        _sim = sim;
        Spec = spec;
    }

    public NodeSpec Spec { get; }

    public int Index => Spec.Index;

    public string Name => Spec.Name;

    public bool IsByzantine => Spec.IsByzantine;

    public bool Up { get; private set; }

    /// <summary>Bumped at every crash and restart; timeouts and gossip ticks of an older incarnation are ignored.</summary>
    public int Incarnation { get; private set; }

    // Persisted: survives crashes.
    public List<StoredBlock> Blocks { get; } = [];

    public List<WalEntry> Wal { get; } = [];

    // Volatile: lost in a crash.
    public LedgerApplication App { get; private set; } = null!;

    public TendermintEngine Engine { get; private set; } = null!;

    public List<DuplicateVoteEvidence> EvidencePool { get; } = [];

    private Mempool.Mempool Pool { get; set; } = null!;

    /// <summary>Actions to perform in the next batch before the node crashes, when a mid-batch crash is pending.</summary>
    public int? CrashAfterActions { get; set; }

    public ulong PendingDowntimeMs { get; set; }

    /// <summary>Simulated time of this node's last commit (or of the heal), for the liveness check.</summary>
    public ulong LastProgressAt { get; set; }

    /// <summary>The engine's round when it entered its current height (or at the heal, if later): liveness counts rounds from here.</summary>
    public uint RoundBase { get; set; }

    public ulong Height => Up ? App.Height : (ulong)Blocks.Count;

    public ulong NowMs => _sim.Now + Spec.ClockSkewMs;

    /// <summary>Starts (or restarts) from what was persisted: replays the blocks, then the engine resumes from its WAL.</summary>
    public void Boot()
    {
        Up = true;
        Incarnation++;
        App = LedgerApplication.FromGenesis(_sim.Scenario.Genesis);
        foreach (var stored in Blocks)
        {
            // Replaying our own blocks: transactions the simulation signed are known good, anything else is checked.
            Execute(stored.Block, t => _sim.IsKnownGoodTransaction(t.Hash));
        }

        Pool = new Mempool.Mempool(new MempoolOptions(MaxTransactions: 1_000));
        EvidencePool.Clear();
        _pooledEvidence.Clear();
        _deliveredVotes.Clear();
        _deliveredProposals.Clear();
        _seen.Clear();
        Engine = new TendermintEngine(Scenario.ChainId, this, Spec.Key, _sim.Scenario.Timing) { LockingDisabled = _sim.Options.LockingDisabled };
        _sim.Trace(Index, "boot", $"height {App.Height}, {Wal.Count} WAL entries");
        Perform(Engine.Start(Tip(), Wal, NowMs));
        _sim.Schedule(_sim.Now + 1 + (ulong)_sim.Random.Next(0, (int)GossipIntervalMs), new GossipTick(Index, Incarnation));
    }

    /// <summary>Loses everything not persisted.</summary>
    public void Crash()
    {
        _sim.Trace(Index, "crash", $"height {Blocks.Count}, engine {Engine.Height}/{Engine.Round}/{Engine.Step}");
        _sim.Invariants.OnCrash(this);
        Up = false;
        Incarnation++;
        CrashAfterActions = null;
        App = null!;
        Engine = null!;
        Pool = null!;
        EvidencePool.Clear();
        _pooledEvidence.Clear();
        _deliveredVotes.Clear();
        _deliveredProposals.Clear();
        _seen.Clear();
    }

    public ChainTip Tip() => new(App.Height, Blocks.Count == 0 ? null : Blocks[^1].Commit, App.LastBlockTimeMs);

    /// <inheritdoc />
    public (ValidatorSet Validators, ulong EffectiveHeight) ValidatorsFor(ulong height)
    {
        var record = height == App.Height + 1 ? App.Validators
            : height == App.Height + 2 ? App.NextValidators
            : throw new InvalidOperationException($"Validators for height {height} are not known at height {App.Height}.");
        return (record.Set, record.EffectiveHeight);
    }

    /// <inheritdoc />
    public Block CreateProposal(ulong height, PublicKey proposer, Commit? lastCommit)
    {
        if (height != App.Height + 1)
        {
            throw new InvalidOperationException($"Asked to propose height {height} while the state is at {App.Height}.");
        }

        return App.BuildBlock(proposer, lastCommit, Pool.Reap(_sim.Scenario.MaxBlockTransactions, 1 << 20), EvidencePool);
    }

    /// <inheritdoc />
    public string? ValidateProposal(Block block) =>
        block.Transactions.Count > _sim.Scenario.MaxBlockTransactions
            ? $"block carries {block.Transactions.Count} transactions; the limit is {_sim.Scenario.MaxBlockTransactions}"
            : App.ValidateBlock(block);

    /// <summary>Feeds one engine event and performs the resulting actions.</summary>
    public void Handle(ConsensusEvent e) => Perform(Engine.Handle(e));

    public void OnTimeout(EngineTimeout timeout) =>
        Handle(new TimeoutElapsed(timeout.Height, timeout.Round, timeout.Step, NowMs));

    public void OnMessage(int from, SimMessage message)
    {
        if (IsByzantine)
        {
            _sim.Attack?.OnObserved(message);
        }

        switch (message)
        {
            case ProposalMessage p:
                // Dedup like a gossip layer's seen-cache, but only for heights the engine keeps
                // (the current and the next): what it drops now must be deliverable again later.
                if (!Keeps(p.Proposal.Height) || _deliveredProposals.Add(p.Proposal))
                {
                    if (Relays(p.Proposal.Height) && p.Proposal.BlockId == p.Block.Id && p.Proposal.VerifySignature(Scenario.ChainId))
                    {
                        _sim.Relay(Index, from, p);
                    }

                    Remember(p.Proposal.Height, p);
                    Handle(new ProposalReceived(p.Proposal, p.Block, NowMs));
                }

                break;
            case VoteMessage v:
                if (!Keeps(v.Vote.Height) || _deliveredVotes.Add(v.Vote))
                {
                    if (Relays(v.Vote.Height) && IsVoter(v.Vote) && v.Vote.VerifySignature(Scenario.ChainId))
                    {
                        _sim.Relay(Index, from, v);
                    }

                    Remember(v.Vote.Height, v);
                    Handle(new VoteReceived(v.Vote, NowMs));
                }

                break;
            case EvidenceMessage e:
                AddEvidence(e.Evidence, verify: true);
                break;
            case StatusMessage s:
                if (s.Height > App.Height)
                {
                    RequestBlocks(from);
                }

                break;
            case BlocksRequest r:
                AnswerBlocks(from, r.FromHeight);
                break;
            case BlocksResponse r:
                ApplyCatchUp(from, r.Blocks);
                break;
            case TransactionMessage t:
                Submit(t.Transaction, fromPeer: true);
                break;
        }
    }

    /// <summary>A client (or a peer) hands us a transaction; admitted ones are gossiped once. As on a node, only a client's is dry-run.</summary>
    public void Submit(Transaction tx, bool fromPeer = false)
    {
        var admission = Pool.TryAdd(tx, (t, pending) => App.CheckTransaction(t, pending, dryRun: !fromPeer), fromPeer);
        if (admission.Admitted && !Spec.Behaviour.HasFlag(ByzantineBehaviour.Silent))
        {
            _sim.Broadcast(Index, new TransactionMessage(tx));
        }
    }

    public void OnGossipTick()
    {
        var silent = Spec.Behaviour.HasFlag(ByzantineBehaviour.Silent);
        if (!silent)
        {
            _sim.Broadcast(Index, new StatusMessage(App.Height));
            if (_sim.Now - _heightStartedAt >= SlowHeightMs)
            {
                // This height is slow: repeat what we signed in this round to everyone, and relay
                // everything we hold for this height (ours and others') to one peer, as gossip does.
                var peer = _sim.RandomPeer(Index);
                if (!IsByzantine)
                {
                    foreach (var entry in Wal.Where(e => e.Height == Engine.Height))
                    {
                        SimMessage m = entry.Vote is { } vote ? new VoteMessage(vote) : new ProposalMessage(entry.Proposal!, entry.Block!);
                        if ((entry.Vote?.Round ?? entry.Proposal!.Round) == Engine.Round)
                        {
                            _sim.Broadcast(Index, m);
                        }
                        else if (peer is { } p)
                        {
                            _sim.Send(Index, p, m);
                        }
                    }
                }

                if (_seen.TryGetValue(Engine.Height, out var seen) && peer is { } relayPeer)
                {
                    foreach (var m in seen)
                    {
                        _sim.Send(Index, relayPeer, m);
                    }
                }
            }

            if (EvidencePool.Count > 0 && _sim.RandomPeer(Index) is { } evidencePeer)
            {
                foreach (var e in EvidencePool)
                {
                    _sim.Send(Index, evidencePeer, new EvidenceMessage(e));
                }
            }
        }

        _sim.Schedule(_sim.Now + GossipIntervalMs - 50 + (ulong)_sim.Random.Next(0, 100), new GossipTick(Index, Incarnation));
    }

    /// <summary>Performs engine actions in order, as the node's consensus loop does (WAL before broadcast, commit before the next event).</summary>
    public void Perform(IReadOnlyList<ConsensusAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (CrashAfterActions is { } limit && i >= limit)
            {
                _sim.CrashNow(this, $"after {i} of {actions.Count} actions");
                return;
            }

            PerformOne(actions[i]);
            if (!Up)
            {
                return;
            }
        }

        if (CrashAfterActions is not null)
        {
            _sim.CrashNow(this, $"after all {actions.Count} actions");
            return;
        }

        if (Engine.Height != _engineHeight)
        {
            _engineHeight = Engine.Height;
            _heightStartedAt = _sim.Now;
            RoundBase = Engine.Round;
            foreach (var stale in _seen.Keys.Where(h => h < _engineHeight).ToList())
            {
                _seen.Remove(stale);
            }
        }
    }

    private void PerformOne(ConsensusAction action)
    {
        switch (action)
        {
            case PersistSigned persist:
                Wal.Add(persist.Entry);
                if (persist.Entry.Vote is { } persisted)
                {
                    _persistedVotes.Add(persisted);
                }

                if (!IsByzantine)
                {
                    _sim.Invariants.OnHonestSigned(this, persist.Entry);
                }

                break;
            case BroadcastProposal proposal:
                if (IsByzantine)
                {
                    _sim.Byzantine.OnProposal(this, proposal.Proposal, proposal.Block);
                }
                else
                {
                    _sim.Invariants.OnHonestProposalSent(this, proposal.Proposal);
                    Remember(proposal.Proposal.Height, new ProposalMessage(proposal.Proposal, proposal.Block));
                    MarkOwn(proposal.Proposal);
                    _sim.Broadcast(Index, new ProposalMessage(proposal.Proposal, proposal.Block));
                }

                break;
            case BroadcastVote vote when !vote.Vote.Validator.Equals(Spec.Key.Key):
                // Another validator's vote (a restarted engine re-announcing the proof of its lock): gossip it.
                Remember(vote.Vote.Height, new VoteMessage(vote.Vote));
                _sim.Broadcast(Index, new VoteMessage(vote.Vote));
                break;
            case BroadcastVote vote:
                if (IsByzantine)
                {
                    _sim.Byzantine.OnVote(this, vote.Vote);
                }
                else
                {
                    _sim.Invariants.OnHonestVoteSent(this, vote.Vote, _persistedVotes.Contains(vote.Vote));
                    Remember(vote.Vote.Height, new VoteMessage(vote.Vote));
                    MarkOwn(vote.Vote);
                    _sim.Broadcast(Index, new VoteMessage(vote.Vote));
                }

                break;
            case CommitBlock commit:
                Commit(commit.Block, commit.Commit, "consensus");
                break;
            case ReportEvidence evidence:
                if (!IsByzantine)
                {
                    _sim.Invariants.OnEvidenceObserved(this, evidence.Evidence);
                    AddEvidence(evidence.Evidence, verify: false);
                    _sim.Broadcast(Index, new EvidenceMessage(evidence.Evidence));
                }

                break;
            case ScheduleTimeout timeout:
                _sim.Schedule(_sim.Now + timeout.DelayMs, new EngineTimeout(Index, Incarnation, timeout.Height, timeout.Round, timeout.Step));
                break;
            default:
                throw new InvalidOperationException($"Unknown action {action.GetType().Name}.");
        }
    }

    /// <summary>Checks (as the invariants see it), executes and stores a decided block: the shell's commit path.</summary>
    private void Commit(Block block, Commit commit, string path)
    {
        if (!IsByzantine)
        {
            _sim.Invariants.BeforeCommit(this, block, commit, path);
        }

        Execute(block, t => Pool.Contains(t.Hash));
        Blocks.Add(new StoredBlock(block, commit));
        EvidencePool.RemoveAll(App.NeverRecordable());
        _pooledEvidence.Clear();
        _pooledEvidence.UnionWith(EvidencePool.Select(e => e.Hash));
        Pool.Update(block.Transactions.Select(t => t.Hash), (t, pending, fromPeer) => App.CheckTransaction(t, pending, signatureVerified: true, dryRun: !fromPeer));
        if (!IsByzantine)
        {
            _sim.Invariants.AfterCommit(this, block, path);
            _sim.Metrics?.OnCommitted(Index, block, commit);
        }

        _sim.Trace(Index, "commit", $"height {block.Header.Height} {block.Id.ToShortString()} via {path}, {block.Transactions.Count} tx, {block.Evidence.Count} evidence");
        if (!Spec.Behaviour.HasFlag(ByzantineBehaviour.Silent))
        {
            _sim.Broadcast(Index, new StatusMessage(App.Height));
        }
    }

    private void Execute(Block block, Func<Transaction, bool> isSignatureVerified)
    {
        if (_sim.Scenario.Change is { } change && block.Header.Height == change.BeforeHeight)
        {
            // The test hook of the application: the set is committed with this block, decides from two heights later.
            App.ScheduleValidatorSet(change.Validators);
        }

        App.ExecuteBlock(block, isSignatureVerified);
    }

    private void AddEvidence(DuplicateVoteEvidence evidence, bool verify)
    {
        var hash = evidence.Hash;
        if (_pooledEvidence.Contains(hash) || App.GetRaw(EvidenceModule.EvidenceKey(hash)) is not null)
        {
            return;
        }

        if (verify && evidence.Verify(Scenario.ChainId, App.Validators.Set) is not null && evidence.Verify(Scenario.ChainId, App.LastValidators.Set) is not null)
        {
            return;
        }

        EvidencePool.Add(evidence);
        _pooledEvidence.Add(hash);
        if (!IsByzantine)
        {
            _sim.Invariants.OnEvidenceHeld(this, evidence);
        }
    }

    private bool Keeps(ulong height) => height == Engine.Height || height == Engine.Height + 1;

    /// <summary>
    /// Relay (scale mode): an honest node forwards a vote or proposal of a height it keeps to its
    /// other neighbours the first time it sees it, once its signature checks out, as the node's relay does.
    /// </summary>
    private bool Relays(ulong height) => _sim.Relays && !IsByzantine && Keeps(height);

    /// <summary>
    /// A voter of the height, as the relay requires. The expected set for the height is the one
    /// the node holds (the validator-set invariant checks it), and costs no read of the state.
    /// </summary>
    private bool IsVoter(Vote vote) => _sim.Invariants.ExpectedSets.At(vote.Height).Find(vote.Validator) is not null;

    /// <summary>With relay on, our own messages count as seen, so their echoes from neighbours are not forwarded again.</summary>
    private void MarkOwn(Vote vote)
    {
        if (_sim.Relays && Keeps(vote.Height))
        {
            _deliveredVotes.Add(vote);
        }
    }

    private void MarkOwn(Proposal proposal)
    {
        if (_sim.Relays && Keeps(proposal.Height))
        {
            _deliveredProposals.Add(proposal);
        }
    }

    private void Remember(ulong height, SimMessage message)
    {
        if (!Keeps(height))
        {
            return;
        }

        if (!_seen.TryGetValue(height, out var list))
        {
            list = [];
            _seen.Add(height, list);
        }

        list.Add(message);
    }

    private void RequestBlocks(int peer)
    {
        if (_sim.Now < _catchUpDeadline)
        {
            return;
        }

        _catchUpDeadline = _sim.Now + 1_000;
        _sim.Send(Index, peer, new BlocksRequest(App.Height + 1));
    }

    private void AnswerBlocks(int peer, ulong fromHeight)
    {
        if (Spec.Behaviour.HasFlag(ByzantineBehaviour.Silent) || fromHeight == 0 || fromHeight > (ulong)Blocks.Count || (IsByzantine && _sim.Attack?.Active == true))
        {
            return;
        }

        var blocks = Blocks.Skip((int)fromHeight - 1).Take(MaxCatchUpBatch).ToList();
        if (Spec.Behaviour.HasFlag(ByzantineBehaviour.ForgedCatchUp))
        {
            blocks = _sim.Byzantine.Forge(this, blocks);
        }

        _sim.Send(Index, peer, new BlocksResponse(blocks));
    }

    /// <summary>Catch-up: verify each block's commit against our validator set and the block against our state, execute, restart the engine at the new tip.</summary>
    private void ApplyCatchUp(int peer, IReadOnlyList<StoredBlock> blocks)
    {
        _catchUpDeadline = 0;
        var applied = 0;
        foreach (var (block, commit) in blocks)
        {
            var height = block.Header.Height;
            if (height <= App.Height)
            {
                continue;
            }

            var problem = height != App.Height + 1 ? $"block {height} does not follow {App.Height}"
                : commit.Height != height || commit.BlockId != block.Id ? "the commit is for another block"
                : commit.Verify(Scenario.ChainId, App.Validators.Set) is { } bad ? "commit: " + bad
                : ValidateProposal(block);
            if (problem is not null)
            {
                _sim.Trace(Index, "catch-up refused", $"block {height} from n{peer}: {problem}");
                _sim.Stats.CatchUpRefused++;
                break;
            }

            Commit(block, commit, $"catch-up from n{peer}");
            if (!Up)
            {
                return;
            }

            applied++;
        }

        _sim.Stats.CatchUpBlocks += applied;
        if (applied > 0 && App.Height >= Engine.Height)
        {
            // As the node's consensus loop does on resync: the engine restarts at the new tip (nothing was signed there yet).
            Perform(Engine.Start(Tip(), [], NowMs));
        }
    }
}
