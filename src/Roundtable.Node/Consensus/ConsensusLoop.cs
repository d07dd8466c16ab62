using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Consensus;

namespace Roundtable.Node.Runtime;

/// <summary>
/// The imperative shell around a consensus engine: one reader feeds it events one at a time, runs
/// the actions it returns in order, and turns scheduled timeouts into future events.
/// </summary>
public sealed class ConsensusLoop
{
    private readonly IConsensusEngine _engine;
    private readonly ChainState _chain;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Channel<ConsensusEvent> _events = Channel.CreateUnbounded<ConsensusEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Creates the loop.</summary>
    public ConsensusLoop(IConsensusEngine engine, ChainState chain, TimeProvider clock, ILogger log)
    {
        _engine = engine;
        _chain = chain;
        _clock = clock;
        _log = log;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Execute(_engine.Start(_chain.Tip()), cancellationToken);
        try
        {
            await foreach (var e in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Execute(_engine.Handle(e), cancellationToken);
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
                case CommitBlock commit:
                    _chain.Commit(commit.Block, commit.Commit);
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
        var delay = TimeSpan.FromMilliseconds(timeout.DelayMs);
        _ = Task.Delay(delay, _clock, cancellationToken).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    var now = (ulong)_clock.GetUtcNow().ToUnixTimeMilliseconds();
                    _events.Writer.TryWrite(new TimeoutElapsed(timeout.Height, timeout.Round, timeout.Step, now));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _log.LogTrace("Scheduled {Step} timeout for {Height}/{Round} in {Delay} ms", timeout.Step, timeout.Height, timeout.Round, timeout.DelayMs);
    }
}
