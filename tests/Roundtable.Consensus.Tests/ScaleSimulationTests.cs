using System.Globalization;
using Roundtable.Consensus.Tests.Support;
using Roundtable.Simulation;
using Xunit.Abstractions;

namespace Roundtable.Consensus.Tests;

/// <summary>
/// The simulator's scale mode (docs/scale.md), shortened: 100 and 200 validators over the
/// wide-area network with full-node hubs and relay, honest and with Byzantine validators below a
/// third, every invariant checked, and a seed that replays to the same hashes in another process.
/// </summary>
public sealed class ScaleSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void A_100_validator_wide_area_network_gives_the_same_report_from_its_seed_in_another_process()
    {
        var here = Run(1, new SimulationOptions { Scale = new ScaleOptions(100, Heights: 4) });
        Assert.Equal(4, here.Scale!.Heights);

        // Another process has other hash-code seeds and another heap: only the seed and options are shared.
        var there = SimulatorProcess.Run("--seed", "1", "--scale", "100", "--heights", "4");
        Assert.Contains($"decision log {here.DecisionLogHash}", there, StringComparison.Ordinal);
        Assert.Contains(here.Scale.ToString(), there, StringComparison.Ordinal);
    }

    [Fact]
    public void A_200_validator_wide_area_network_decides_every_height_in_its_first_round_with_transactions_final_everywhere()
    {
        var result = Run(2, new SimulationOptions { Scale = new ScaleOptions(200, Heights: 3) });
        var report = result.Scale!;
        Assert.Equal(3, report.Heights);
        Assert.Equal(0u, report.MaxRound);
        Assert.True(report.AtAllHonest.Count > 0, "no transaction was committed by every honest node");
        Assert.True(report.SignaturesRemembered > report.SignaturesVerified, "the memo answered fewer checks than it verified");
    }

    [Fact]
    public void A_whole_byzantine_group_equivocating_among_100_validators_breaks_no_invariant_and_its_evidence_is_recorded()
    {
        var result = Run(3, new SimulationOptions { Scale = new ScaleOptions(100, Heights: 3, ScaleByzantine.Group) });
        Assert.True(result.Stats.Equivocations > 0, "the Byzantine group never equivocated");
        Assert.True(result.Stats.EvidenceRecorded > 0, "no equivocation was recorded in a block");
    }

    [Fact]
    public void Scattered_byzantine_validators_below_a_third_among_200_break_no_invariant()
    {
        var result = Run(4, new SimulationOptions { Scale = new ScaleOptions(200, Heights: 3, ScaleByzantine.Scattered) });
        Assert.True(result.Stats.Equivocations > 0, "the scattered Byzantine validators never equivocated");
        Assert.True(result.Stats.EvidenceRecorded > 0, "no equivocation was recorded in a block");
    }

    [Theory]
    [InlineData(ScaleByzantine.Group)]
    [InlineData(ScaleByzantine.Scattered)]
    public void Byzantine_validators_of_a_scale_run_hold_less_than_a_third_of_the_power(ScaleByzantine mode)
    {
        var scenario = Scenario.GenerateScale(1, new Random(1), new ScaleOptions(200, Heights: 3, mode));
        var byzantine = scenario.Byzantine.Select(b => b.Key.Key).ToHashSet();
        var power = scenario.GenesisSet.Validators.Where(v => byzantine.Contains(v.Key)).Aggregate(0UL, (sum, v) => sum + v.Power);
        Assert.InRange(power * 3, scenario.GenesisSet.TotalPower / 2, scenario.GenesisSet.TotalPower - 1);
    }

    [Fact]
    public void The_sparse_topology_links_every_validator_to_two_hubs_and_a_few_validators_and_connects_every_node()
    {
        const int validators = 200;
        var wan = WideAreaNetwork.Build(new Random(5), validators);
        var nodes = validators + (WideAreaNetwork.Regions.Length * WideAreaNetwork.HubsPerRegion);
        for (var v = 0; v < validators; v++)
        {
            Assert.True(wan.Neighbours(v).Count(n => n >= validators) >= 2, $"validator {v} is linked to fewer than two hubs");
            Assert.True(wan.Neighbours(v).Count(n => n < validators) >= WideAreaNetwork.ValidatorDials, $"validator {v} has too few validator links");
        }

        var reached = new bool[nodes];
        var frontier = new Queue<int>([0]);
        reached[0] = true;
        while (frontier.TryDequeue(out var node))
        {
            foreach (var peer in wan.Neighbours(node).Where(p => !reached[p]))
            {
                reached[peer] = true;
                frontier.Enqueue(peer);
            }
        }

        Assert.All(reached, Assert.True);
    }

    [Fact]
    public void Percentiles_take_the_nearest_rank_in_integers()
    {
        var hundred = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (ulong)i).Reverse());
        Assert.Equal(new Percentiles(100, 50, 99), hundred);
        Assert.Equal(new Percentiles(1, 7, 7), Percentiles.Of([7]));
        Assert.Equal(new Percentiles(3, 2, 3), Percentiles.Of([3, 1, 2]));
        Assert.Equal(new Percentiles(0, 0, 0), Percentiles.Of([]));
    }

    private SimulationResult Run(int seed, SimulationOptions options)
    {
        var result = Simulator.Run(seed, options);
        output.WriteLine(result.Report());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay: {result.ReplayCommand}"));
        Assert.True(result.Passed, result.Report());
        return result;
    }
}
