using Roundtable.Application.Genesis;
using Roundtable.Application.Parameters;
using Roundtable.Application.Validators;
using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Validators;

namespace Roundtable.Simulation;

/// <summary>What a Byzantine validator does instead of following the protocol (several may combine).</summary>
[Flags]
public enum ByzantineBehaviour
{
    /// <summary>Honest.</summary>
    None = 0,

    /// <summary>Signs two different prevotes/precommits for one round and sends each to different peers.</summary>
    Equivocate = 1,

    /// <summary>As proposer, proposes blocks that break a validity rule (state root, commit, hashes, time).</summary>
    InvalidProposals = 2,

    /// <summary>As proposer, sends two different valid blocks to two halves of the network.</summary>
    DoubleProposals = 4,

    /// <summary>Sends nothing at all (it still follows the chain).</summary>
    Silent = 8,

    /// <summary>Votes nil whatever it sees.</summary>
    AlwaysNil = 16,

    /// <summary>Sends signed votes and proposals for unknown heights and absurd rounds.</summary>
    Garbage = 32,

    /// <summary>Answers catch-up requests with blocks whose commits are forged.</summary>
    ForgedCatchUp = 64,
}

/// <summary>One simulated machine: a validator (possibly Byzantine) or an observer that may join the set later.</summary>
/// <param name="Index">Position in the node list.</param>
/// <param name="Key">Its consensus key.</param>
/// <param name="Group">Its stakeholder group.</param>
/// <param name="InGenesis">True when it validates from height 1.</param>
/// <param name="Behaviour">Byzantine behaviours, or <see cref="ByzantineBehaviour.None"/>.</param>
/// <param name="ClockSkewMs">How far its clock runs ahead of simulated time.</param>
internal sealed record NodeSpec(int Index, SimKey Key, string Group, bool InGenesis, ByzantineBehaviour Behaviour, ulong ClockSkewMs)
{
    public bool IsByzantine => Behaviour != ByzantineBehaviour.None;

    public string Name => $"n{Index}";

    public Validator AsValidator => new(Key.Key, $"validator {Index}", Group, 1);
}

/// <summary>How the network behaves in a period: delay range, a tail of late messages, loss and duplication (per mille).</summary>
internal sealed record NetworkProfile(ulong MinDelayMs, ulong MaxDelayMs, int TailPerMille, ulong TailMaxMs, int LossPerMille, int DuplicatePerMille);

/// <summary>A validator-set change applied (deterministically, on every node) before executing block <see cref="BeforeHeight"/>.</summary>
/// <param name="BeforeHeight">The block whose execution commits the change; the new set decides from BeforeHeight + 2.</param>
/// <param name="Validators">The new validators (power assigned by the application).</param>
/// <param name="Description">What changed, for reports.</param>
internal sealed record ValidatorChange(ulong BeforeHeight, IReadOnlyList<Validator> Validators, string Description)
{
    public ValidatorSet Set { get; } = new(StakeholderPower.Assign(Validators));

    public ulong EffectiveHeight => BeforeHeight + 2;
}

/// <summary>Who plays which part in the split-brain attack (node indices), and at which height.</summary>
/// <param name="Height">The attacked height; round 0 there has a Byzantine proposer.</param>
/// <param name="Byzantine">The Byzantine group.</param>
/// <param name="A">Decides the first block, then is cut off.</param>
/// <param name="B">Precommits the first block without deciding it.</param>
/// <param name="C">Is shown another block, so it never sees the first one's proof of lock.</param>
internal sealed record SplitBrainPlan(ulong Height, int[] Byzantine, int[] A, int[] B, int[] C);

/// <summary>Everything one seed decides up front: the nodes, the faults and when they happen, the workload.</summary>
internal sealed partial class Scenario
{
    public const string ChainId = "roundtable-sim";
    public const ulong GenesisTimeMs = 1_750_000_000_000;

    private static readonly string[] AllGroups = ["civil-society", "government", "intergovernmental", "private-sector", "technical"];
    private static readonly string[] Regions = ["africa", "europe"];

    private readonly Dictionary<Hash256, uint> _rotation = [];

    private Scenario(int seed)
    {
        Seed = seed;
    }

    public int Seed { get; }

    public GenesisState Genesis { get; private set; } = null!;

    public IReadOnlyList<NodeSpec> Nodes { get; private set; } = [];

    public ValidatorSet GenesisSet { get; private set; } = null!;

    public ValidatorChange? Change { get; private set; }

    /// <summary>The split-brain attack's cast and height, when the adversary is <see cref="Adversary.SplitBrain"/>.</summary>
    public SplitBrainPlan? Plan { get; private set; }

    public ConsensusTiming Timing { get; } = ConsensusTiming.Default;

    /// <summary>Heights every honest node must reach (at least two more than when the network heals).</summary>
    public ulong TargetHeight { get; private set; }

    /// <summary>Simulated milliseconds after the start at which every fault ends for good.</summary>
    public ulong FaultEndMs { get; private set; }

    public NetworkProfile Faulty { get; private set; } = null!;

    public NetworkProfile Calm { get; } = new(2, 30, 0, 0, 0, 0);

    /// <summary>Scheduled faults and transactions, by simulated milliseconds after the start.</summary>
    public IReadOnlyList<(ulong AtMs, SimEvent Event)> Schedule { get; private set; } = [];

    public int PartitionCount { get; private set; }

    public int CrashCount { get; private set; }

    public int TransactionCount { get; private set; }

    public IEnumerable<NodeSpec> Byzantine => Nodes.Where(n => n.IsByzantine);

    private bool IsByzantineKey(PublicKey key) => Nodes.Any(n => n.IsByzantine && n.Key.Key.Equals(key));

    /// <summary>
    /// Rounds in which every honest validator of <paramref name="set"/> gets to propose at least
    /// once, wherever the rotation starts: the longest gap between two turns of one validator.
    /// </summary>
    public uint RotationRounds(ValidatorSet set)
    {
        if (!_rotation.TryGetValue(set.Hash, out var rounds))
        {
            var schedule = new ProposerSchedule(set);
            var last = new Dictionary<PublicKey, ulong>();
            var gaps = new Dictionary<PublicKey, ulong>();
            var steps = 2 * (ulong)set.Validators.Count * 64;
            for (ulong step = 1; step <= steps; step++)
            {
                schedule.Rebase(step - 1);
                var key = schedule.ProposerAt(step).Key;
                gaps[key] = Math.Max(gaps.GetValueOrDefault(key), step - last.GetValueOrDefault(key));
                last[key] = step;
            }

            rounds = (uint)set.Validators.Where(v => !IsByzantineKey(v.Key)).Max(v => gaps.GetValueOrDefault(v.Key, steps));
            _rotation.Add(set.Hash, rounds);
        }

        return rounds;
    }


    /// <summary>Draws a scenario from <paramref name="random"/> (the simulation's only random source).</summary>
    public static Scenario Generate(int seed, Random random, bool adversarial)
    {
        var scenario = new Scenario(seed);
        scenario.Build(random, adversarial);
        return scenario;
    }

    /// <summary>One line describing the scenario.</summary>
    public string Describe()
    {
        if (Wan is not null)
        {
            return DescribeScale();
        }

        var validators = Nodes.Count(n => n.InGenesis);
        var byzantine = string.Join(", ", Byzantine.Select(n => $"{n.Name}({n.Group}): {n.Behaviour}"));
        var change = Change is null ? "none" : $"{Change.Description} before height {Change.BeforeHeight} (effective {Change.EffectiveHeight})";
        if (Plan is { } plan)
        {
            string Names(int[] members) => string.Join(",", members.Select(m => Nodes[m].Name));
            byzantine += $"; split-brain attack at height {plan.Height}: A={Names(plan.A)} B={Names(plan.B)} C={Names(plan.C)}";
        }

        return $"{validators} validators in {Nodes.Where(n => n.InGenesis).Select(n => n.Group).Distinct().Count()} groups, {Nodes.Count - validators} observer(s); " +
            $"byzantine: {(byzantine.Length == 0 ? "none" : byzantine)}; faults until {FaultEndMs} ms: {PartitionCount} partition(s), {CrashCount} crash(es), " +
            $"loss {Faulty.LossPerMille}‰, duplication {Faulty.DuplicatePerMille}‰, delay {Faulty.MinDelayMs}–{Faulty.MaxDelayMs} ms (+{Faulty.TailPerMille}‰ up to {Faulty.TailMaxMs} ms); " +
            $"validator change: {change}; {TransactionCount} transaction(s); target height {TargetHeight}";
    }

    private void Build(Random random, bool adversarial)
    {
        if (adversarial)
        {
            BuildSplitBrain(random);
            return;
        }

        var validatorCount = Pick(random, [(4, 40), (5, 25), (6, 20), (7, 15)]);
        var groupCount = validatorCount >= 5 && random.Next(10) < 3 ? 5 : 4;
        var groups = AllGroups.OrderBy(_ => random.Next()).Take(groupCount).Order(StringComparer.Ordinal).ToArray();
        var assignment = new List<string>(groups);
        while (assignment.Count < validatorCount)
        {
            assignment.Add(groups[random.Next(groups.Length)]);
        }

        // Byzantine validators: some or all of one group, so always below a third of the power.
        var specs = new List<NodeSpec>();
        var byzantineGroup = random.Next(100) < 80 ? groups[random.Next(groups.Length)] : null;
        var groupMembers = assignment.Select((g, i) => (g, i)).Where(x => x.g == byzantineGroup).Select(x => x.i).ToList();
        var byzantineCount = groupMembers.Count == 0 ? 0 : 1 + random.Next(groupMembers.Count);
        var byzantine = groupMembers.OrderBy(_ => random.Next()).Take(byzantineCount).ToHashSet();
        for (var i = 0; i < validatorCount; i++)
        {
            var behaviour = byzantine.Contains(i) ? PickBehaviour(random) : ByzantineBehaviour.None;
            specs.Add(new NodeSpec(i, SimKey.Get($"validator/{i}"), assignment[i], InGenesis: true, behaviour, (ulong)random.Next(0, 40)));
        }

        var parameters = Parameters();

        TargetHeight = (ulong)random.Next(5, 10);
        var change = random.Next(100) < 30 ? DrawChange(random, specs, parameters) : null;
        Nodes = specs;
        GenesisSet = new ValidatorSet(StakeholderPower.Assign(specs.Where(s => s.InGenesis).Select(s => s.AsValidator)));
        Change = change;
        var founders = new List<GenesisMember> { new(SimKey.Get("founder/0").Key, "Founder", groups[0], Regions[0]) };
        Genesis = new GenesisState(ChainId, GenesisTimeMs, parameters, [.. specs.Where(s => s.InGenesis).Select(s => s.AsValidator)], founders);

        FaultEndMs = (ulong)random.Next(3_000, 12_001);
        Faulty = new NetworkProfile((ulong)random.Next(1, 10), (ulong)random.Next(20, 300), random.Next(0, 100), (ulong)random.Next(300, 3_000), random.Next(0, 250), random.Next(0, 100));
        var schedule = new List<(ulong, SimEvent)>();
        DrawPartitions(random, schedule);
        DrawCrashes(random, schedule);
        DrawTransactions(random, schedule);
        Schedule = schedule;
    }

    /// <summary>
    /// The split-brain attack (see <see cref="SplitBrainAttack"/>): one whole stakeholder group is
    /// Byzantine and coordinated with a network adversary; the honest groups are cast as A (decides
    /// first, then is cut off), C (is shown another block) and B (the rest). The network is otherwise
    /// calm, so the attack is the only thing going on.
    /// </summary>
    private void BuildSplitBrain(Random random)
    {
        var validatorCount = Pick(random, [(4, 50), (5, 25), (6, 15), (7, 10)]);
        var groupCount = validatorCount >= 5 && random.Next(10) < 3 ? 5 : 4;
        var groups = AllGroups.OrderBy(_ => random.Next()).Take(groupCount).Order(StringComparer.Ordinal).ToArray();
        var assignment = new List<string>(groups);
        while (assignment.Count < validatorCount)
        {
            assignment.Add(groups[random.Next(groups.Length)]);
        }

        var cast = groups.OrderBy(_ => random.Next()).ToArray();
        var specs = new List<NodeSpec>();
        for (var i = 0; i < validatorCount; i++)
        {
            var behaviour = assignment[i] == cast[0] ? ByzantineBehaviour.Equivocate | ByzantineBehaviour.DoubleProposals : ByzantineBehaviour.None;
            specs.Add(new NodeSpec(i, SimKey.Get($"validator/{i}"), assignment[i], InGenesis: true, behaviour, (ulong)random.Next(0, 40)));
        }

        Nodes = specs;
        GenesisSet = new ValidatorSet(StakeholderPower.Assign(specs.Select(s => s.AsValidator)));
        var founders = new List<GenesisMember> { new(SimKey.Get("founder/0").Key, "Founder", groups[0], Regions[0]) };
        Genesis = new GenesisState(ChainId, GenesisTimeMs, Parameters(), [.. specs.Select(s => s.AsValidator)], founders);

        // Attack the first height (from 2) whose round-0 proposer is Byzantine.
        var schedule = new ProposerSchedule(GenesisSet);
        ulong height = 2;
        while (!specs.First(s => s.Key.Key.Equals(schedule.ProposerAt(height).Key)).IsByzantine)
        {
            height++;
        }

        int[] Members(string group) => [.. specs.Where(s => s.Group == group).Select(s => s.Index)];
        Plan = new SplitBrainPlan(height, Members(cast[0]), Members(cast[1]), [.. cast.Skip(3).SelectMany(Members)], Members(cast[2]));
        TargetHeight = height + 2;
        FaultEndMs = 40_000;
        Faulty = new NetworkProfile(2, 30, 0, 0, 0, random.Next(0, 50));
        var events = new List<(ulong, SimEvent)>();
        DrawTransactions(random, events);
        Schedule = events;
    }

    private static ChainParameters Parameters(IEnumerable<string>? regions = null) => new(
        [.. AllGroups.Select(g => new NamedEntry(g, "Group " + g))],
        [.. (regions ?? Regions).Select(r => new NamedEntry(r, "Region " + r))],
        AdmissionRule.Attestation,
        AttestationsRequired: 1,
        RecoveryDelayMs: 60_000,
        MinValidatorGroups: 4);

    private static ByzantineBehaviour PickBehaviour(Random random)
    {
        if (random.Next(100) < 12)
        {
            return ByzantineBehaviour.Silent;
        }

        ByzantineBehaviour[] options =
        [
            ByzantineBehaviour.Equivocate, ByzantineBehaviour.InvalidProposals, ByzantineBehaviour.DoubleProposals,
            ByzantineBehaviour.AlwaysNil, ByzantineBehaviour.Garbage, ByzantineBehaviour.ForgedCatchUp,
        ];
        var behaviour = ByzantineBehaviour.None;
        while (behaviour == ByzantineBehaviour.None)
        {
            foreach (var option in options)
            {
                if (random.Next(100) < 40)
                {
                    behaviour |= option;
                }
            }
        }

        return behaviour;
    }

    private ValidatorChange? DrawChange(Random random, List<NodeSpec> specs, ChainParameters parameters)
    {
        if (TargetHeight < 6)
        {
            return null;
        }

        var beforeHeight = (ulong)random.Next(2, (int)TargetHeight - 2);
        var validators = specs.Select(s => s.AsValidator).ToList();
        var descriptions = new List<string>();
        var kind = random.Next(3);
        if (kind is 0 or 2)
        {
            // A new machine joins: it runs from the start as an observer and starts voting at the effective height.
            var group = AllGroups[random.Next(AllGroups.Length)];
            var spec = new NodeSpec(specs.Count, SimKey.Get($"validator/{specs.Count}"), group, InGenesis: false, ByzantineBehaviour.None, (ulong)random.Next(0, 40));
            specs.Add(spec);
            validators.Add(spec.AsValidator);
            descriptions.Add($"add {spec.Name} to {group}");
        }

        if (kind is 1 or 2)
        {
            // An honest validator leaves a group that keeps at least one validator; it stays on as an observer.
            var removable = specs.Where(s => s.InGenesis && !s.IsByzantine && specs.Count(o => o.InGenesis && o.Group == s.Group) >= 2).ToList();
            if (removable.Count > 0)
            {
                var leaving = removable[random.Next(removable.Count)];
                validators.RemoveAll(v => v.Key.Equals(leaving.Key.Key));
                descriptions.Add($"remove {leaving.Name} from {leaving.Group}");
            }
        }

        if (descriptions.Count == 0)
        {
            return null;
        }

        var change = new ValidatorChange(beforeHeight, validators, string.Join(" and ", descriptions));
        if (ValidatorSetPolicy.Check(change.Set, parameters) is not null)
        {
            // Outside the policy bounds: the application would refuse it, so the scenario does not try.
            specs.RemoveAll(s => !s.InGenesis);
            return null;
        }

        return change;
    }

    private void DrawPartitions(Random random, List<(ulong, SimEvent)> schedule)
    {
        var count = random.Next(0, 4);
        for (var p = 0; p < count; p++)
        {
            var start = (ulong)random.Next(0, (int)FaultEndMs);
            var duration = (ulong)random.Next(300, 5_000);
            var indices = Enumerable.Range(0, Nodes.Count).OrderBy(_ => random.Next()).ToArray();
            int[][] groups;
            switch (random.Next(3))
            {
                case 0:
                    // Isolate one node.
                    groups = [[indices[0]], [.. indices.Skip(1)]];
                    break;
                case 1:
                    var cut = random.Next(1, indices.Length);
                    groups = [[.. indices.Take(cut)], [.. indices.Skip(cut)]];
                    break;
                default:
                    var first = random.Next(1, indices.Length - 1);
                    var second = random.Next(first + 1, indices.Length);
                    groups = [[.. indices.Take(first)], [.. indices.Skip(first).Take(second - first)], [.. indices.Skip(second)]];
                    break;
            }

            schedule.Add((start, new PartitionNetwork(groups)));
            schedule.Add((Math.Min(start + duration, FaultEndMs), new HealNetwork()));
        }

        PartitionCount = count;
    }

    private void DrawCrashes(Random random, List<(ulong, SimEvent)> schedule)
    {
        var honest = Nodes.Where(n => !n.IsByzantine).ToList();
        var count = random.Next(0, 4);
        for (var c = 0; c < count; c++)
        {
            var node = honest[random.Next(honest.Count)];
            var at = (ulong)random.Next(0, (int)FaultEndMs);
            var midActions = random.Next(2) == 0;
            schedule.Add((at, new CrashNode(node.Index, midActions, random.Next(0, 4), (ulong)random.Next(200, 4_000))));
        }

        CrashCount = count;
    }

    private void DrawTransactions(Random random, List<(ulong, SimEvent)> schedule)
    {
        var count = random.Next(0, 11);
        for (var t = 0; t < count; t++)
        {
            var client = SimKey.Get($"client/{random.Next(0, 16)}");
            var message = new RegisterMember($"Client {client.Name}", AllGroups[random.Next(AllGroups.Length)], Regions[random.Next(Regions.Length)], []);
            var tx = client.SignTransaction(ChainId, 0, 1_000, message);
            var targets = Enumerable.Range(0, Nodes.Count).OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToArray();
            schedule.Add(((ulong)random.Next(0, (int)FaultEndMs + 3_000), new SubmitTransaction(tx, targets)));
        }

        TransactionCount = count;
    }

    internal static int Pick(Random random, (int Value, int Weight)[] options)
    {
        var roll = random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return options[^1].Value;
    }
}
