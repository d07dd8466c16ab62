using Roundtable.Consensus.Tests.Support;
using Roundtable.Simulation;
using Xunit.Abstractions;

namespace Roundtable.Consensus.Tests;

/// <summary>
/// The deterministic simulator as part of the test suite: many seeds with zero violations, proof
/// that it can fail (locking off breaks agreement), and byte-identical replay of a seed.
/// </summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    /// <summary>Wall-clock budget of the multi-seed test; it always runs at least <see cref="MinSeeds"/>.</summary>
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(60);
    private const int MinSeeds = 200;

    [Fact]
    public void Many_seeds_with_byzantine_validators_partitions_and_crashes_break_no_invariant()
    {
        // Pinned seeds (another window than the CI console run, which starts at 1), so a red build
        // is reproducible from the commit; a failure's report names its seed and the replay command.
        const int first = 1_000_001;
        var summary = SeedRunner.Run(first, 1_000_000, TimeBox, new SimulationOptions(), minSeeds: MinSeeds);
        output.WriteLine($"seeds {first}..: {summary}");
        Assert.True(summary.SeedsRun >= MinSeeds, summary.ToString());
        Assert.True(summary.Failures.Count == 0, string.Join(Environment.NewLine, summary.Failures.Select(f => f.Report())));
    }

    [Fact]
    public void The_split_brain_adversary_breaks_nothing_while_locking_is_on()
    {
        var summary = SeedRunner.Run(1, 60, null, new SimulationOptions { Adversary = Adversary.SplitBrain });
        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, string.Join(Environment.NewLine, summary.Failures.Select(f => f.Report())));
    }

    [Fact]
    public void Without_locking_the_simulator_finds_conflicting_commits_and_the_seed_replays_them()
    {
        var options = new SimulationOptions { LockingDisabled = true };
        var summary = SeedRunner.Run(1, 2_000, TimeSpan.FromMinutes(3), options, stopAtFirstFailure: true);
        output.WriteLine(summary.ToString());
        var failure = Assert.Single(summary.Failures.Take(1));
        output.WriteLine(failure.Report());
        Assert.Equal("agreement", failure.Violation!.Invariant);
        Assert.Contains($"--seed {failure.Seed} --broken-locking", failure.ReplayCommand, StringComparison.Ordinal);

        // The seed is the whole story: running it again breaks the same invariant at the same moment.
        var replay = Simulator.Run(failure.Seed, options);
        Assert.Equal(failure.Violation, replay.Violation);
        Assert.Equal(failure.DecisionLogHash, replay.DecisionLogHash);
        Assert.Equal(failure.Trace, replay.Trace);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(24)]
    public void A_seed_replays_byte_for_byte_in_the_same_process(int seed)
    {
        var first = Simulator.Run(seed);
        var second = Simulator.Run(seed);
        Assert.True(first.Passed, first.Report());
        Assert.Equal(first.DecisionLogHash, second.DecisionLogHash);
        Assert.Equal(first.ChainHash, second.ChainHash);
        Assert.Equal(first.Stats.ToString(), second.Stats.ToString());
        Assert.Equal(first.Trace, second.Trace);
    }

    [Fact]
    public void A_seed_replays_byte_for_byte_in_another_process()
    {
        // Another process has other hash-code seeds and another heap: only the seed is shared.
        const int seed = 7;
        var here = Simulator.Run(seed);
        var text = SimulatorProcess.Run("--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hash");
        Assert.Contains($"decision-log {here.DecisionLogHash}", text, StringComparison.Ordinal);
        Assert.Contains($"chain {here.ChainHash}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_seeds_decide_different_chains()
    {
        Assert.NotEqual(Simulator.Run(3).ChainHash, Simulator.Run(4).ChainHash);
    }

    [Fact]
    public void A_failure_report_names_the_seed_the_invariant_the_last_events_and_the_replay_command()
    {
        var result = Simulator.Run(5, new SimulationOptions { TraceLength = 10 });
        var failed = result with { Violation = new Violation("agreement", "n1 committed X at height 3, but n0 committed Y", 1234) };
        var report = failed.Report();
        Assert.Contains("seed 5", report, StringComparison.Ordinal);
        Assert.Contains("INVARIANT VIOLATED: agreement", report, StringComparison.Ordinal);
        Assert.Contains("last 10 events", report, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project sim/Roundtable.Simulation -c Release -- --seed 5 --verbose", report, StringComparison.Ordinal);
    }
}
