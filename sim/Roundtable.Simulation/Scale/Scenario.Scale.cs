using Roundtable.Application.Genesis;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Validators;

namespace Roundtable.Simulation;

/// <summary>The scale-mode scenario: many validators, full-node hubs, a wide-area network and a steady load.</summary>
internal sealed partial class Scenario
{
    /// <summary>How long the steady load lasts, per height to reach (longer than any height takes).</summary>
    private const ulong LoadMsPerHeight = 4_000;

    /// <summary>The wide-area network of a scale run; null in the default mode (full mesh, uniform delays).</summary>
    public WideAreaNetwork? Wan { get; private set; }

    /// <summary>Most transactions a block may carry.</summary>
    public int MaxBlockTransactions { get; private set; } = 8;

    public ScaleByzantine ScaleByzantine { get; private set; }

    /// <summary>Draws a scale scenario from <paramref name="random"/>.</summary>
    public static Scenario GenerateScale(int seed, Random random, ScaleOptions options)
    {
        var scenario = new Scenario(seed);
        scenario.BuildScale(random, options);
        return scenario;
    }

    private void BuildScale(Random random, ScaleOptions options)
    {
        var wan = WideAreaNetwork.Build(random, options.Validators);
        var validators = new List<NodeSpec>();
        for (var i = 0; i < options.Validators; i++)
        {
            validators.Add(new NodeSpec(i, SimKey.Get($"validator/{i}"), AllGroups[i % AllGroups.Length], InGenesis: true, ByzantineBehaviour.None, (ulong)random.Next(0, 40)));
        }

        validators = ChooseByzantine(random, validators, options.Byzantine);
        var fullNodes = Enumerable.Range(options.Validators, WideAreaNetwork.Regions.Length * WideAreaNetwork.HubsPerRegion)
            .Select(i => new NodeSpec(i, SimKey.Get($"full-node/{i}"), AllGroups[i % AllGroups.Length], InGenesis: false, ByzantineBehaviour.None, (ulong)random.Next(0, 40)));
        Nodes = [.. validators, .. fullNodes];
        Wan = wan;
        ScaleByzantine = options.Byzantine;
        GenesisSet = new ValidatorSet(StakeholderPower.Assign(validators.Select(s => s.AsValidator)));
        var founders = new List<GenesisMember> { new(SimKey.Get("founder/0").Key, "Founder", AllGroups[0], "europe") };
        Genesis = new GenesisState(ChainId, GenesisTimeMs, Parameters(WideAreaNetwork.Regions), [.. validators.Select(s => s.AsValidator)], founders);
        TargetHeight = (ulong)options.Heights;
        MaxBlockTransactions = 1_000;
        Faulty = Calm;
        Schedule = SteadyLoad(random, options);
        TransactionCount = Schedule.Count;
    }

    /// <summary>
    /// Byzantine validators, always below a third of the power: one whole group, or validators
    /// scattered over the groups (taken while their power stays below a third; half equivocate, half are silent).
    /// </summary>
    private static List<NodeSpec> ChooseByzantine(Random random, List<NodeSpec> validators, ScaleByzantine mode)
    {
        switch (mode)
        {
            case ScaleByzantine.Group:
                var group = AllGroups[random.Next(AllGroups.Length)];
                return [.. validators.Select(v => v.Group == group ? v with { Behaviour = ByzantineBehaviour.Equivocate | ByzantineBehaviour.DoubleProposals } : v)];
            case ScaleByzantine.Scattered:
                var powers = StakeholderPower.Assign(validators.Select(v => v.AsValidator));
                var total = powers.Aggregate(0UL, (sum, v) => sum + v.Power);
                var chosen = new Dictionary<int, ByzantineBehaviour>();
                ulong power = 0;
                foreach (var index in Enumerable.Range(0, validators.Count).OrderBy(_ => random.Next()))
                {
                    var own = powers.First(p => p.Key.Equals(validators[index].Key.Key)).Power;
                    if ((UInt128)(power + own) * 3 >= total)
                    {
                        break;
                    }

                    power += own;
                    chosen.Add(index, chosen.Count % 2 == 0 ? ByzantineBehaviour.Equivocate : ByzantineBehaviour.Silent);
                }

                return [.. validators.Select(v => chosen.TryGetValue(v.Index, out var behaviour) ? v with { Behaviour = behaviour } : v)];
            default:
                return validators;
        }
    }

    /// <summary>Member registrations from distinct clients, one every 1/rate seconds, each to a random full node (the node its client talks to).</summary>
    private List<(ulong, SimEvent)> SteadyLoad(Random random, ScaleOptions options)
    {
        var hubs = Nodes.Where(n => !n.InGenesis).ToArray();
        var intervalMs = 1_000 / (ulong)Math.Max(1, options.TransactionsPerSecond);
        var events = new List<(ulong, SimEvent)>();
        var client = 0;
        for (var at = intervalMs; at <= LoadMsPerHeight * (ulong)options.Heights; at += intervalMs)
        {
            var hub = hubs[random.Next(hubs.Length)];
            var key = SimKey.Get($"scale-client/{client++}");
            var message = new RegisterMember($"Client {key.Name}", AllGroups[random.Next(AllGroups.Length)], Wan!.RegionOf(hub.Index), []);
            events.Add((at, new SubmitTransaction(key.SignTransaction(ChainId, 0, 1_000, message), [hub.Index])));
        }

        return events;
    }

    private string DescribeScale()
    {
        var byzantine = Byzantine.ToList();
        var who = ScaleByzantine switch
        {
            ScaleByzantine.Group => $"group {byzantine[0].Group} ({byzantine.Count} validators): {byzantine[0].Behaviour}",
            ScaleByzantine.Scattered => $"{byzantine.Count} scattered validators ({byzantine.Count(b => b.Behaviour == ByzantineBehaviour.Equivocate)} equivocating, {byzantine.Count(b => b.Behaviour == ByzantineBehaviour.Silent)} silent)",
            _ => "none",
        };
        return $"{GenesisSet.Validators.Count} validators in {AllGroups.Length} groups, {Nodes.Count - GenesisSet.Validators.Count} full nodes; byzantine: {who}; " +
            $"{Wan!.Describe()}; {TransactionCount} transactions at a steady rate; target height {TargetHeight}";
    }
}
