using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus;

/// <summary>
/// The Tendermint algorithm (Buchman, Kwon, Milosevic, 2018, Algorithm 1) as a pure state machine.
/// Each event is applied, then the paper's upon-rules are evaluated until none fires; the actions
/// they produce are returned in order. Departures from the paper are listed in docs/consensus.md.
/// </summary>
public sealed partial class TendermintEngine : IConsensusEngine
{
    private readonly string _chainId;
    private readonly IConsensusApplication _app;
    private readonly IVoteSigner _signer;
    private readonly ConsensusTiming _timing;
    private readonly List<ConsensusAction> _actions = [];
    private readonly Dictionary<(uint Round, VoteType Type), Vote> _signedVotes = [];
    private readonly Dictionary<uint, Proposal> _signedProposals = [];
    private readonly List<ConsensusEvent> _nextHeight = [];
    private readonly HashSet<Hash256> _reportedEvidence = [];
    private readonly Dictionary<Hash256, bool> _validity = [];

    private HeightState? _state;
    private ChainTip? _tip;
    private uint _round;
    private ConsensusStep _step;
    private Block? _lockedBlock;
    private int _lockedRound = -1;
    private Block? _validBlock;
    private int _validRound = -1;
    private ulong _now;
    private (Block Block, uint Round)? _decision;

    /// <summary>Most events buffered for the next height while this one finishes.</summary>
    public const int MaxBufferedNextHeightEvents = 1024;

    /// <summary>Proposals for rounds further ahead of the current one are ignored (see <c>OnProposal</c>).</summary>
    public const uint MaxProposalRoundsAhead = 64;

    /// <summary>Creates an engine for one validator (or a non-validating observer whose key is in no set).</summary>
    public TendermintEngine(string chainId, IConsensusApplication app, IVoteSigner signer, ConsensusTiming timing)
    {
        _chainId = chainId;
        _app = app;
        _signer = signer;
        _timing = timing;
    }

    /// <summary>The height being decided.</summary>
    public ulong Height => _state?.Height ?? 0;

    /// <summary>The current round.</summary>
    public uint Round => _round;

    /// <summary>The current step.</summary>
    public ConsensusStep Step => _step;

    /// <summary>The round of the current lock, or −1.</summary>
    public int LockedRound => _lockedRound;

    /// <summary>Ablation switch for the simulator's self-test: with locking off the engine is unsafe and the simulator must catch it.</summary>
    internal bool LockingDisabled { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<ConsensusAction> Start(ChainTip tip, ulong nowMs) => Start(tip, [], nowMs);

    /// <summary>
    /// Starts at the height after <paramref name="tip"/>. <paramref name="wal"/> holds what this
    /// validator signed at that height before a restart: it re-sends exactly those messages, never
    /// different ones, and resumes its lock from its last non-nil precommit. <paramref name="nowMs"/>
    /// is the shell's clock: votes signed during the start (a lone proposer's) carry it, so the next
    /// block's time is not left at the previous block's (the genesis time, on a new chain).
    /// </summary>
    public IReadOnlyList<ConsensusAction> Start(ChainTip tip, IReadOnlyList<WalEntry> wal, ulong nowMs)
    {
        _actions.Clear();
        _tip = tip;
        _now = Math.Max(Math.Max(_now, nowMs), tip.LastBlockTimeMs);
        StartHeight(tip.Height + 1);
        uint resumeRound = 0;
        IReadOnlyList<Vote> proofOfLock = [];
        foreach (var entry in wal.Where(e => e.Height == Height))
        {
            if (Restore(entry))
            {
                proofOfLock = entry.ProofOfLock ?? [];
            }

            resumeRound = Math.Max(resumeRound, entry.Vote?.Round ?? entry.Proposal!.Round);
        }

        // The lock's proof comes back with the lock, and is announced again: the prevotes in it may
        // exist nowhere else any more (a Byzantine validator need not repeat its own).
        foreach (var prevote in proofOfLock)
        {
            AddVote(prevote);
            _actions.Add(new BroadcastVote(prevote));
        }

        StartRound(resumeRound);

        // After catch-up the new height may be the one whose early messages were buffered: without
        // them the engine could miss a proof of lock the shell will never deliver again.
        ReplayBuffered();
        Evaluate();
        return Drain();
    }

    /// <inheritdoc />
    public IReadOnlyList<ConsensusAction> Handle(ConsensusEvent consensusEvent)
    {
        if (_state is null)
        {
            throw new InvalidOperationException("The engine has not been started.");
        }

        _actions.Clear();
        _now = Math.Max(_now, consensusEvent.NowMs);
        switch (consensusEvent)
        {
            case TimeoutElapsed timeout:
                OnTimeout(timeout);
                break;
            case ProposalReceived proposal:
                OnProposal(proposal);
                break;
            case VoteReceived vote:
                OnVote(vote);
                break;
            default:
                throw new InvalidOperationException($"Unknown event {consensusEvent.GetType().Name}.");
        }

        Evaluate();
        return Drain();
    }

    private void StartHeight(ulong height)
    {
        var (validators, effective) = _app.ValidatorsFor(height);
        if (effective > height)
        {
            throw new InvalidOperationException($"Validator set for height {height} claims to take effect at {effective}.");
        }

        _state = new HeightState(height, validators, effective);
        _signedVotes.Clear();
        _signedProposals.Clear();
        _validity.Clear();
        _lockedBlock = null;
        _lockedRound = -1;
        _validBlock = null;
        _validRound = -1;
        _decision = null;
        _round = 0;
        _step = ConsensusStep.Propose;
    }

    /// <summary>Restores one WAL entry; true when it is the lock so far (a non-nil precommit of a later round).</summary>
    private bool Restore(WalEntry entry)
    {
        if (entry.Proposal is { } proposal)
        {
            _signedProposals[proposal.Round] = proposal;
            if (entry.Block is not null)
            {
                _state!.AddBlock(entry.Block);
            }

            return false;
        }

        var vote = entry.Vote!;
        _signedVotes[(vote.Round, vote.Type)] = vote;
        if (vote.Type == VoteType.Precommit && !vote.IsNil && entry.Block is not null && (int)vote.Round > _lockedRound)
        {
            // A non-nil precommit is exactly when Algorithm 1 locks (lines 36–43).
            _lockedBlock = entry.Block;
            _lockedRound = (int)vote.Round;
            _validBlock = entry.Block;
            _validRound = (int)vote.Round;
            _state!.AddBlock(entry.Block);
            return true;
        }

        return false;
    }

    /// <summary>Paper: StartRound(round).</summary>
    private void StartRound(uint round)
    {
        _round = round;
        _step = ConsensusStep.Propose;
        var state = _state!;
        if (state.ProposerOf(round).Equals(_signer.Key))
        {
            if (_signedProposals.TryGetValue(round, out var signed))
            {
                // Already proposed this round before a restart: resend the same proposal, never a new one.
                var block = state.BlockOf(signed.BlockId);
                if (block is not null)
                {
                    _actions.Add(new BroadcastProposal(signed, block));
                    AcceptProposal(signed, block);
                }
            }
            else
            {
                var block = _validBlock ?? _app.CreateProposal(state.Height, _signer.Key, _tip!.LastCommit);
                var proposal = Proposal.Sign(_chainId, state.Height, round, _validRound, block.Id, _signer.Key, _signer.Sign);
                _signedProposals[round] = proposal;
                _actions.Add(new PersistSigned(new WalEntry(null, proposal, block)));
                _actions.Add(new BroadcastProposal(proposal, block));
                AcceptProposal(proposal, block);
            }
        }

        Schedule(TimeoutStep.Propose, round);
    }

    private void Schedule(TimeoutStep step, uint round) =>
        _actions.Add(new ScheduleTimeout(Height, round, step, _timing.For(step, round)));

    private IReadOnlyList<ConsensusAction> Drain()
    {
        var result = _actions.ToArray();
        _actions.Clear();
        return result;
    }
}
