// The multi-seed runner is the one place outside a simulation: it times itself (the time box)
// and runs independent seeds side by side on every core. Each seed still runs start to end on
// one thread, so its outcome depends on the seed alone.
#pragma warning disable RS0030

using System.Diagnostics;
using System.Globalization;

namespace Roundtable.Simulation;

/// <summary>What a multi-seed run did.</summary>
/// <param name="SeedsRequested">Seeds asked for.</param>
/// <param name="SeedsRun">Seeds that ran to their end.</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Failures">Seeds that broke an invariant, lowest seed first.</param>
/// <param name="TimeBoxReached">True when the time box stopped the run before every seed ran.</param>
public sealed record SeedRunSummary(int SeedsRequested, int SeedsRun, TimeSpan Elapsed, IReadOnlyList<SimulationResult> Failures, bool TimeBoxReached)
{
    /// <summary>Seeds per wall-clock minute.</summary>
    public double SeedsPerMinute => Elapsed.TotalMinutes <= 0 ? 0 : SeedsRun / Elapsed.TotalMinutes;

    /// <summary>One line for logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{SeedsRun} of {SeedsRequested} seeds in {Elapsed.TotalSeconds:F1} s ({SeedsPerMinute:F0} seeds/minute), {Failures.Count} with a violated invariant{(TimeBoxReached ? " (time box reached)" : "")}");
}

/// <summary>Runs many seeds, time-boxed, on several threads (one seed per thread at a time).</summary>
public static class SeedRunner
{
    /// <summary>
    /// Runs seeds <paramref name="firstSeed"/>, <paramref name="firstSeed"/> + 1, … until
    /// <paramref name="count"/> ran, <paramref name="timeBox"/> passed (but not before
    /// <paramref name="minSeeds"/> ran), or (when <paramref name="stopAtFirstFailure"/>) a seed
    /// broke an invariant.
    /// </summary>
    public static SeedRunSummary Run(
        int firstSeed,
        int count,
        TimeSpan? timeBox,
        SimulationOptions options,
        bool stopAtFirstFailure = false,
        int? parallelism = null,
        Action<SimulationResult>? onResult = null,
        int minSeeds = 0)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var finished = 0;
        var stop = false;
        var failures = new List<SimulationResult>();
        var gate = new Lock();
        var workers = new Thread[Math.Max(1, Math.Min(parallelism ?? Environment.ProcessorCount, count))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= count || (timeBox is { } box && clock.Elapsed >= box && index >= minSeeds))
                    {
                        return;
                    }

                    var result = Simulator.Run(unchecked(firstSeed + index), options);
                    lock (gate)
                    {
                        finished++;
                        if (!result.Passed)
                        {
                            failures.Add(result);
                            stop |= stopAtFirstFailure;
                        }

                        onResult?.Invoke(result);
                    }
                }
            })
            {
                IsBackground = true,
                Name = $"seed runner {w}",
            };
            workers[w].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        clock.Stop();
        return new SeedRunSummary(count, finished, clock.Elapsed, [.. failures.OrderBy(f => f.Seed)], finished < count && !stop);
    }
}
