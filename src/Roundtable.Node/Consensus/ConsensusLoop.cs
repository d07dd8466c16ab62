using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Consensus;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Node.Runtime;
using Roundtable.Node.Upgrades;

namespace Roundtable.Node.Consensus;

/// <summary>
/// The imperative shell around the consensus engine: one reader feeds it events one at a time and
/// performs the actions it returns in order — WAL fsync before any broadcast, commits before the
/// next event — and turns scheduled timeouts into future events.
/// </summary>
public sealed class ConsensusLoop
{
    private readonly TendermintEngine _engine;
    private readonly ChainState _chain;
    private readonly ConsensusWal _wal;
    private readonly IConsensusGossip _gossip;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Channel<object> _inbox = Channel.CreateBounded<object>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the loop.</summary>
    public ConsensusLoop(TendermintEngine engine, ChainState chain, ConsensusWal wal, IConsensusGossip gossip, TimeProvider clock, ILogger log)
    {
        _engine = engine;
        _chain = chain;
        _wal = wal;
        _gossip = gossip;
        _clock = clock;
        _log = log;
    }

    /// <summary>The shell's clock in Unix milliseconds.</summary>
    public ulong NowMs => (ulong)_clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Queues a message from a peer; dropped when the inbox is full (gossip repeats what matters).</summary>
    public bool Post(ConsensusEvent consensusEvent) => _inbox.Writer.TryWrite(consensusEvent);

    /// <summary>Queues a committed block fetched from a peer; it is verified and applied on the loop, between events.</summary>
    public void PostCatchUp(Block block, Commit commit, Hash256 from) => _inbox.Writer.TryWrite(new CatchUp(block, commit, from));

    /// <summary>Raised (on the loop) when a peer's catch-up block fails verification, so the shell can drop that peer.</summary>
    public event Action<Hash256, string>? InvalidCatchUp;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Execute(_engine.Start(_chain.Tip(), _wal.Entries, NowMs), cancellationToken);
        try
        {
            await foreach (var item in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var actions = item switch
                {
                    ConsensusEvent e => _engine.Handle(e),
                    CatchUp c => ApplyCatchUp(c),
                    _ => [],
                };
                Execute(actions, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Clean shutdown.
        }
    }

    private void Execute(IReadOnlyList<ConsensusAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case PersistSigned persist:
                    _wal.Append(persist.Entry);
                    break;
                case BroadcastProposal proposal:
                    _gossip.BroadcastProposal(proposal.Proposal, proposal.Block);
                    break;
                case BroadcastVote vote:
                    _gossip.BroadcastVote(vote.Vote);
                    break;
                case CommitBlock commit:
                    _chain.Commit(commit.Block, commit.Commit);
                    ThrowIfHaltedForUpgrade();
                    break;
                case ReportEvidence evidence:
                    _log.LogWarning("Validator {Validator} signed conflicting {Type} votes at {Height}/{Round}",
                        evidence.Evidence.First.Validator.Id.ToShortString(), evidence.Evidence.First.Type, evidence.Evidence.First.Height, evidence.Evidence.First.Round);
                    _chain.AddEvidence(evidence.Evidence);
                    _gossip.BroadcastEvidence(evidence.Evidence);
                    break;
                case ScheduleTimeout timeout:
                    Schedule(timeout, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"The node does not know how to perform {action.GetType().Name}.");
            }
        }
    }

    private void Schedule(ScheduleTimeout timeout, CancellationToken cancellationToken)
    {
        _ = Task.Delay(TimeSpan.FromMilliseconds(timeout.DelayMs), _clock, cancellationToken).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    // Timeouts must not be lost to a full inbox: wait for room instead of dropping.
                    _ = _inbox.Writer.WriteAsync(new TimeoutElapsed(timeout.Height, timeout.Round, timeout.Step, NowMs), cancellationToken).AsTask();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// A node that is behind applies a block decided without it: the commit must carry +2/3 of the
    /// power of the set deciding that height and the block must pass the same validation as a
    /// proposal. The engine then restarts at the new tip.
    /// </summary>
    private IReadOnlyList<ConsensusAction> ApplyCatchUp(CatchUp c)
    {
        var height = c.Block.Header.Height;
        if (height != _chain.Height + 1)
        {
            return []; // Already decided here, or not next: stale.
        }

        var (validators, _) = _chain.ValidatorsFor(height);
        var problem = c.Commit.Verify(_chain.ChainId, validators) ?? _chain.ValidateProposal(c.Block);
        if (problem is not null)
        {
            InvalidCatchUp?.Invoke(c.From, $"sent an invalid committed block {height}: {problem}");
            return [];
        }

        _chain.Commit(c.Block, c.Commit);
        _log.LogInformation("Caught up block {Height} from peer {Peer}", height, c.From.ToShortString());
        ThrowIfHaltedForUpgrade();
        return _engine.Start(_chain.Tip(), [], NowMs);
    }

    /// <summary>
    /// Ends the loop right after the halt height's block is stored, before the engine can sign
    /// anything for the next height (the actions after a commit are not performed).
    /// </summary>
    private void ThrowIfHaltedForUpgrade()
    {
        if (_chain.UpgradeHalt is { } halt)
        {
            throw new UpgradeRequiredException(halt);
        }
    }

    private sealed record CatchUp(Block Block, Commit Commit, Hash256 From);
}
