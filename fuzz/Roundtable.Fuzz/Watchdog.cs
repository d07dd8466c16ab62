using System.Diagnostics;

namespace Roundtable.Fuzz;

/// <summary>
/// Notices an input that never returns. The fuzzing thread announces each input before calling the
/// target; the main thread polls and, once one input has run longer than <see cref="Limit"/>,
/// hands it to the hang handler (which saves it and ends the process: a stuck call cannot be
/// aborted in .NET).
/// </summary>
internal sealed class Watchdog
{
    /// <summary>Longest time one input may take.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private Running? _current;

    /// <summary>The input being executed now.</summary>
    public sealed record Running(FuzzTarget Target, byte[] Input, long StartTimestamp, long Iteration);

    /// <summary>Called by the fuzzing thread before each input.</summary>
    public void Begin(FuzzTarget target, byte[] input, long iteration) =>
        Volatile.Write(ref _current, new Running(target, input, Stopwatch.GetTimestamp(), iteration));

    /// <summary>Called by the fuzzing thread after each input.</summary>
    public void End() => Volatile.Write(ref _current, null);

    /// <summary>Blocks until <paramref name="worker"/> ends; calls <paramref name="onHang"/> for an input over the limit.</summary>
    public void Watch(Thread worker, Action<Running> onHang)
    {
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var running = Volatile.Read(ref _current);
            if (running is not null && Stopwatch.GetElapsedTime(running.StartTimestamp) > Limit)
            {
                onHang(running);
                return;
            }
        }
    }
}
