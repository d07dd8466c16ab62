namespace Roundtable.Node.Peers;

/// <summary>The gossip layer's periodic chores (status and re-gossip, transaction announcements, disclosure re-sync).</summary>
internal static class EveryInterval
{
    /// <summary>Runs <paramref name="tick"/> every <paramref name="interval"/> until cancelled; cancellation ends it quietly.</summary>
    public static async Task RunAsync(TimeSpan interval, Action tick, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                tick();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
