using System.Globalization;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Simulation;

/// <summary>Which adversary a run faces.</summary>
public enum Adversary
{
    /// <summary>Faults and Byzantine behaviours drawn at random from the whole fault model.</summary>
    Random,

    /// <summary>
    /// The attack locking exists to stop: a Byzantine proposer shows two valid blocks to two halves
    /// and equivocates its votes to match, under frequent short partitions and long delays.
    /// </summary>
    SplitBrain,
}

/// <summary>How to run one seed.</summary>
public sealed record SimulationOptions
{
    /// <summary>The engine's ablation switch: locking off (the simulator must then find a safety violation).</summary>
    public bool LockingDisabled { get; init; }

    /// <summary>The adversary; by default the split-brain attack when locking is off, random faults otherwise.</summary>
    public Adversary? Adversary { get; init; }

    /// <summary>Where to print every trace line as it happens (the <c>--verbose</c> flag), or null.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Trace lines kept for a failure report.</summary>
    public int TraceLength { get; init; } = 40;

    /// <summary>
    /// Liveness, in rounds: after the heal, an honest node below the goal must decide its height
    /// within this many rounds more than a full proposer rotation (the paper's bound: once messages
    /// arrive in time, the honest validator with the highest valid round proposes within a rotation).
    /// </summary>
    public int LivenessSlackRounds { get; init; } = 3;

    /// <summary>A backstop in simulated time for a node that stops going through rounds at all.</summary>
    public ulong LivenessHardCapMs { get; init; } = 600_000;

    /// <summary>After the goal height, evidence observed below it must be recorded within this time.</summary>
    public ulong EvidenceWindowMs { get; init; } = 30_000;

    /// <summary>Events one seed may process before it is declared stuck (in scale mode, per height and per validator squared: see <see cref="EffectiveMaxSteps"/>).</summary>
    public long MaxSteps { get; init; } = 2_000_000;

    /// <summary>Scale mode (many validators over a wide-area network, see docs/scale.md), or null for the fault-model runs.</summary>
    public ScaleOptions? Scale { get; init; }

    /// <summary>
    /// The event budget. Relayed votes cost about 20·n² deliveries per round at n validators;
    /// scale mode allows 100·n² per height (a few rounds), and five heights more for recording
    /// evidence (200 scattered Byzantine validators used 22 million events for 10 heights).
    /// </summary>
    internal long EffectiveMaxSteps => Scale is { } s ? 100L * s.Validators * s.Validators * (s.Heights + 5) : MaxSteps;

    internal Adversary EffectiveAdversary => Adversary ?? (LockingDisabled ? global::Roundtable.Simulation.Adversary.SplitBrain : global::Roundtable.Simulation.Adversary.Random);
}

/// <summary>Counters of one run.</summary>
public sealed class SimulationStats
{
    public long Steps { get; set; }

    public ulong SimulatedMs { get; set; }

    public long MessagesSent { get; set; }

    public long MessagesDropped { get; set; }

    public long MessagesDuplicated { get; set; }

    public int Commits { get; set; }

    public ulong FinalHeight { get; set; }

    public uint MaxRound { get; set; }

    public int Crashes { get; set; }

    public int Partitions { get; set; }

    public int CatchUpBlocks { get; set; }

    public int CatchUpRefused { get; set; }

    public int Equivocations { get; set; }

    public int InvalidProposals { get; set; }

    public int DoubleProposals { get; set; }

    public int Garbage { get; set; }

    public int EvidenceObserved { get; set; }

    public int EvidenceRecorded { get; set; }

    public int EvidenceLostInCrash { get; set; }

    /// <summary>Observed equivocations left unrecorded because their validator had already left the set by rule.</summary>
    public int EvidenceMootBySuspension { get; set; }

    /// <summary>Validators the equivocation rule took out of the set (as the honest nodes' blocks decided).</summary>
    public int Suspensions { get; set; }

    /// <summary>Longest wait, after the heal, between two commits of one honest node below the goal.</summary>
    public ulong LongestGapAfterHealMs { get; set; }

    /// <summary>Most rounds one honest node spent on one height after the heal.</summary>
    public uint MostRoundsAfterHeal { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"height {FinalHeight}, {Commits} commits, max round {MaxRound}, {Steps} events, {SimulatedMs} simulated ms, " +
        $"{MessagesSent} messages ({MessagesDropped} dropped, {MessagesDuplicated} duplicated), {Crashes} crashes, {Partitions} partitions, " +
        $"catch-up {CatchUpBlocks} blocks ({CatchUpRefused} refused), byzantine: {Equivocations} equivocations, {DoubleProposals} double and {InvalidProposals} invalid proposals, {Garbage} garbage; " +
        $"evidence {EvidenceObserved} observed, {EvidenceRecorded} recorded, {EvidenceLostInCrash} lost in crashes, {EvidenceMootBySuspension} moot (validator already suspended), {Suspensions} set change(s) suspending equivocators; after the heal at most {MostRoundsAfterHeal} rounds and {LongestGapAfterHealMs} ms per height");
}

/// <summary>The outcome of one seed.</summary>
public sealed record SimulationResult(
    int Seed,
    SimulationOptions Options,
    string Scenario,
    Violation? Violation,
    IReadOnlyList<string> Trace,
    string DecisionLogHash,
    string ChainHash,
    SimulationStats Stats)
{
    /// <summary>True when no invariant broke.</summary>
    public bool Passed => Violation is null;

    /// <summary>What a scale run measured (null outside scale mode).</summary>
    public ScaleReport? Scale { get; init; }

    /// <summary>The one command that replays this run exactly.</summary>
    public string ReplayCommand =>
        $"dotnet run --project sim/Roundtable.Simulation -c Release -- --seed {Seed.ToString(CultureInfo.InvariantCulture)}" +
        $"{(Options.LockingDisabled ? " --broken-locking" : "")}{(Options.Adversary is { } a ? " --adversary " + Simulator.AdversaryName(a) : "")}{ScaleArguments(Options.Scale)} --verbose";

    private static string ScaleArguments(ScaleOptions? scale) => scale is null ? "" : string.Create(CultureInfo.InvariantCulture,
        $" --scale {scale.Validators} --heights {scale.Heights} --byzantine {scale.Byzantine.ToString().ToLowerInvariant()} --tx-rate {scale.TransactionsPerSecond}");

    /// <summary>The failure report: seed, invariant, the last events, and how to replay.</summary>
    public string Report()
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed}: ");
        if (Violation is null)
        {
            text.AppendLine("all invariants held");
            text.AppendLine("  scenario: " + Scenario);
            text.AppendLine("  " + Stats);
            text.AppendLine("  decision log " + DecisionLogHash);
            if (Scale is not null)
            {
                text.AppendLine(Scale.ToString());
            }

            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"INVARIANT VIOLATED: {Violation.Invariant} at {Violation.AtMs} simulated ms");
        text.AppendLine("  " + Violation.Message);
        text.AppendLine("  scenario: " + Scenario);
        text.AppendLine("  " + Stats);
        text.AppendLine(CultureInfo.InvariantCulture, $"  last {Trace.Count} events:");
        foreach (var line in Trace)
        {
            text.AppendLine("    " + line);
        }

        text.AppendLine("  replay: " + ReplayCommand);
        return text.ToString();
    }
}

/// <summary>Runs seeds.</summary>
public static class Simulator
{
    /// <summary>Runs one seed to the end (or to the first violation).</summary>
    public static SimulationResult Run(int seed, SimulationOptions? options = null) => new SimulationRun(seed, options ?? new SimulationOptions()).Run();

    internal static string AdversaryName(Adversary adversary) => adversary == Adversary.SplitBrain ? "split-brain" : "random";
}

/// <summary>
/// One deterministic run: a seeded random source, a simulated clock and event queue, a network
/// with delay, loss, duplication, reordering and partitions, and the nodes. No wall clock, no
/// thread, no unordered iteration: the seed alone decides everything, so a failing seed replays exactly.
/// </summary>
internal sealed class SimulationRun
{
    private readonly EventQueue _queue = new();
    private readonly (ulong Time, int Node, string Kind, object? Detail)[] _trace;
    private readonly Dictionary<PublicKey, int> _nodeOfKey = [];
    private readonly HashSet<Hash256> _knownGoodTransactions = [];
    private readonly Dictionary<Block, bool> _decodes = new(ReferenceEqualityComparer.Instance);
    private long _traceCount;
    private int[]? _partition;
    private bool _healed;
    private ulong _healedAt;
    private ulong _goal;
    private ulong _goalReachedAt;

    public SimulationRun(int seed, SimulationOptions options)
    {
        Seed = seed;
        Options = options;
        Random = new Random(seed);
        Scenario = options.Scale is { } scale ? Scenario.GenerateScale(seed, Random, scale) : Scenario.Generate(seed, Random, options.EffectiveAdversary == Adversary.SplitBrain);
        Metrics = options.Scale is null ? null : new ScaleMetrics(this);
        _trace = new (ulong, int, string, object?)[Math.Max(1, options.TraceLength)];
        Invariants = new Invariants(this);
        Byzantine = new ByzantineActor(this);
        Nodes = [.. Scenario.Nodes.Select(spec => new SimNode(this, spec))];
        Attack = Scenario.Plan is { } plan ? new SplitBrainAttack(this, plan) : null;
        foreach (var node in Nodes)
        {
            _nodeOfKey.Add(node.Spec.Key.Key, node.Index);
        }
    }

    public int Seed { get; }

    public SimulationOptions Options { get; }

    public Random Random { get; }

    public Scenario Scenario { get; }

    public Invariants Invariants { get; }

    public ByzantineActor Byzantine { get; }

    public IReadOnlyList<SimNode> Nodes { get; }

    /// <summary>The coordinated attack, when the adversary is <see cref="Adversary.SplitBrain"/>.</summary>
    public SplitBrainAttack? Attack { get; }

    /// <summary>Measurements of a scale run (null outside scale mode).</summary>
    public ScaleMetrics? Metrics { get; }

    /// <summary>True when nodes forward the votes and proposals they see first (the sparse topology of scale mode).</summary>
    public bool Relays => Scenario.Wan is not null;

    /// <summary>True from the final heal on: no more faults.</summary>
    public bool Healed => _healed;

    public SimulationStats Stats { get; } = new();

    /// <summary>Simulated time, Unix milliseconds.</summary>
    public ulong Now { get; private set; } = Scenario.GenesisTimeMs;

    public ulong ElapsedMs => Now - Scenario.GenesisTimeMs;

    public SimulationResult Run()
    {
        if (Metrics is null)
        {
            return RunEvents();
        }

        // Hundreds of nodes check the same votes: one check per distinct signature (see SignatureMemo).
        var memo = new SignatureMemo();
        using (SignatureVerifier.Remembering(memo))
        {
            var result = RunEvents();
            return result with { Scale = Metrics.Report(_goal, memo.Verified, memo.Remembered) };
        }
    }

    private SimulationResult RunEvents()
    {
        Trace(-1, "scenario", Scenario.Describe());
        foreach (var (at, e) in Scenario.Schedule)
        {
            Schedule(Scenario.GenesisTimeMs + at, e);
        }

        Schedule(Scenario.GenesisTimeMs + Scenario.FaultEndMs, new FinalHeal());
        foreach (var node in Nodes)
        {
            node.Boot();
        }

        while (Invariants.Violation is null && _queue.TryNext(out var e, out var time))
        {
            Now = time;
            Stats.Steps++;
            Dispatch(e);
            if (_healed && IsDone())
            {
                Invariants.AtEnd(_goal);
                break;
            }

            if (Stats.Steps >= Options.EffectiveMaxSteps)
            {
                Invariants.Fail("liveness", $"still running after {Stats.Steps} events ({ElapsedMs} simulated ms)");
            }
        }

        Stats.SimulatedMs = ElapsedMs;
        Stats.FinalHeight = Invariants.Decided.Count == 0 ? 0 : Invariants.Decided.Keys.Max();
        return new SimulationResult(Seed, Options, Scenario.Describe(), Invariants.Violation, FormatTrace(), Invariants.DecisionLogHash(), Invariants.ChainHash(), Stats);
    }

    public void Schedule(ulong time, SimEvent e) => _queue.Add(time, e);

    public IEnumerable<int> PeersOf(int node)
    {
        if (Scenario.Wan is { } wan)
        {
            return wan.Neighbours(node);
        }

        return AllBut(node);
    }

    public int? RandomPeer(int node)
    {
        if (Scenario.Wan is { } wan)
        {
            var neighbours = wan.Neighbours(node);
            return neighbours[Random.Next(neighbours.Count)];
        }

        if (Nodes.Count < 2)
        {
            return null;
        }

        var peer = Random.Next(Nodes.Count - 1);
        return peer >= node ? peer + 1 : peer;
    }

    public void Broadcast(int from, SimMessage message)
    {
        foreach (var to in PeersOf(from))
        {
            Send(from, to, message);
        }
    }

    /// <summary>Forwards what <paramref name="node"/> saw first to its other neighbours, as the node's relay does.</summary>
    public void Relay(int node, int from, SimMessage message)
    {
        foreach (var to in PeersOf(node))
        {
            if (to != from)
            {
                Send(node, to, message);
            }
        }
    }

    private IEnumerable<int> AllBut(int node)
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (i != node)
            {
                yield return i;
            }
        }
    }


    /// <summary>Puts a message on the simulated network: it may be lost, delayed (reordering it), duplicated, or cut off by a partition.</summary>
    public void Send(int from, int to, SimMessage message)
    {
        Stats.MessagesSent++;
        if (Nodes[from].IsByzantine && !SurvivesTheWire(message))
        {
            // A real node decodes what it receives: a block whose body does not match its header
            // never reaches the engine (the engine names blocks by their header's hash).
            Stats.MessagesDropped++;
            return;
        }

        if (Scenario.Wan is { } wan)
        {
            Metrics!.OnSent(message);
            if (wan.Loses(from, to, Random))
            {
                Stats.MessagesDropped++;
                return;
            }

            Schedule(Now + wan.DelayMs(from, to, Random), new Deliver(from, to, message));
            return;
        }

        var profile = _healed ? Scenario.Calm : Scenario.Faulty;
        if (Partitioned(from, to) || Random.Next(1000) < profile.LossPerMille || Attack?.Drops(to, message) == true)
        {
            Stats.MessagesDropped++;
            return;
        }

        Schedule(Now + Delay(profile), new Deliver(from, to, message));
        if (Random.Next(1000) < profile.DuplicatePerMille)
        {
            Stats.MessagesDuplicated++;
            Schedule(Now + Delay(profile), new Deliver(from, to, message));
        }
    }

    /// <summary>The adversary's own delivery: exactly <paramref name="delayMs"/> later (a partition still cuts it).</summary>
    public void SendAfter(int from, int to, SimMessage message, ulong delayMs)
    {
        Stats.MessagesSent++;
        Schedule(Now + delayMs, new Deliver(from, to, message));
    }

    public void CrashNow(SimNode node, string how)
    {
        var downtime = node.PendingDowntimeMs;
        Trace(node.Index, "crash point", how);
        node.Crash();
        Stats.Crashes++;
        Schedule(Now + downtime, new RestartNode(node.Index));
    }

    public bool IsKnownGoodTransaction(Hash256 hash) => _knownGoodTransactions.Contains(hash);

    public bool IsByzantine(PublicKey validator) => _nodeOfKey.TryGetValue(validator, out var index) && Nodes[index].IsByzantine;

    public string NameOf(PublicKey key) => _nodeOfKey.TryGetValue(key, out var index) ? Nodes[index].Name : key.Id.ToShortString();

    /// <summary>Keeps a trace line (formatted only when printed) and prints it when verbose.</summary>
    public void Trace(int node, string kind, object? detail)
    {
        var entry = (Now, node, kind, detail);
        _trace[_traceCount++ % _trace.Length] = entry;
        Options.Log?.WriteLine(Format(entry));
    }

    private void Dispatch(SimEvent e)
    {
        switch (e)
        {
            case Deliver d:
                var to = Nodes[d.To];
                if (!to.Up || Partitioned(d.From, d.To))
                {
                    Stats.MessagesDropped++;
                    return;
                }

                if (Options.Log is not null || d.Message is not (VoteMessage or StatusMessage or TransactionMessage))
                {
                    Trace(d.To, "recv", (d.From, d.Message));
                }

                Metrics?.OnDelivered();
                to.OnMessage(d.From, d.Message);
                break;
            case EngineTimeout t:
                var timed = Nodes[t.Node];
                if (timed.Up && timed.Incarnation == t.Incarnation)
                {
                    if (Options.Log is not null)
                    {
                        Trace(t.Node, "timeout", $"{t.Step} h{t.Height} r{t.Round}");
                    }

                    timed.OnTimeout(t);
                }

                break;
            case GossipTick g:
                var ticking = Nodes[g.Node];
                if (ticking.Up && ticking.Incarnation == g.Incarnation)
                {
                    ticking.OnGossipTick();
                }

                break;
            case CrashNode c:
                var crashing = Nodes[c.Node];
                if (_healed || !crashing.Up || crashing.CrashAfterActions is not null)
                {
                    return;
                }

                crashing.PendingDowntimeMs = c.DowntimeMs;
                if (c.MidActions)
                {
                    Trace(c.Node, "crash armed", $"will crash after {c.AfterActions} action(s) of its next batch");
                    crashing.CrashAfterActions = c.AfterActions;
                }
                else
                {
                    CrashNow(crashing, "between events");
                }

                break;
            case RestartNode r:
                if (!Nodes[r.Node].Up)
                {
                    Nodes[r.Node].Boot();
                }

                break;
            case PartitionNetwork p:
                if (!_healed)
                {
                    _partition = new int[Nodes.Count];
                    for (var g = 0; g < p.Groups.Length; g++)
                    {
                        foreach (var member in p.Groups[g])
                        {
                            _partition[member] = g;
                        }
                    }

                    Stats.Partitions++;
                    Trace(-1, "partition", string.Join(" | ", p.Groups.Select(g => string.Join(",", g.Select(i => Nodes[i].Name)))));
                }

                break;
            case HealNetwork:
                if (!_healed && _partition is not null)
                {
                    _partition = null;
                    Trace(-1, "heal", "partition ends");
                }

                break;
            case FinalHeal:
                OnFinalHeal();
                break;
            case SubmitTransaction s:
                _knownGoodTransactions.Add(s.Transaction.Hash);
                Metrics?.OnSubmitted(s.Transaction.Hash, s.Nodes[0]);
                foreach (var target in s.Nodes)
                {
                    if (Nodes[target].Up)
                    {
                        Nodes[target].Submit(s.Transaction);
                    }
                }

                break;
            case LivenessCheck:
                CheckLiveness();
                Schedule(Now + 1_000, new LivenessCheck());
                break;
        }
    }

    private void OnFinalHeal()
    {
        _healed = true;
        _partition = null;
        _healedAt = Now;
        foreach (var node in Nodes)
        {
            node.CrashAfterActions = null;
            if (!node.Up)
            {
                node.Boot();
            }

            node.LastProgressAt = Now;
            node.RoundBase = node.Engine.Round;
        }

        var honest = Nodes.Where(n => !n.IsByzantine).ToList();
        _goal = Math.Max(Scenario.TargetHeight, honest.Max(n => n.Height) + 2);
        Trace(-1, "final heal", $"no more faults; heights {string.Join(",", Nodes.Select(n => n.Height))}; every honest node must reach height {_goal}");
        Schedule(Now + 1_000, new LivenessCheck());
    }

    /// <summary>Liveness: after the heal, every honest node below the goal commits within the window.</summary>
    private void CheckLiveness()
    {
        foreach (var node in Nodes)
        {
            if (node.IsByzantine || node.Height >= _goal)
            {
                continue;
            }

            var waited = Now - Math.Max(node.LastProgressAt, _healedAt);
            var rounds = node.Engine.Round - Math.Min(node.Engine.Round, node.RoundBase);
            var allowed = Scenario.RotationRounds(Invariants.ExpectedSets.At(node.Engine.Height)) + Options.LivenessSlackRounds;
            Stats.LongestGapAfterHealMs = Math.Max(Stats.LongestGapAfterHealMs, waited);
            Stats.MostRoundsAfterHeal = Math.Max(Stats.MostRoundsAfterHeal, rounds);
            if (rounds > allowed || waited > Options.LivenessHardCapMs)
            {
                var engines = string.Join(", ", Nodes.Select(n => $"{n.Name}{(n.IsByzantine ? "*" : "")} {n.Height}:{n.Engine.Height}/{n.Engine.Round}/{n.Engine.Step}"));
                Invariants.Fail("liveness", $"{node.Name} is still at height {node.Height} after {rounds} rounds ({waited} ms) since the network healed or its height began; allowed {allowed} rounds (goal {_goal}; committed:engine height/round/step {engines})");
                return;
            }
        }

        if (_goalReachedAt != 0 && Now - _goalReachedAt > Options.EvidenceWindowMs)
        {
            var pending = Nodes.Where(n => !n.IsByzantine).SelectMany(n => n.EvidencePool).First(e => e.First.Height < _goal);
            Invariants.Fail("evidence", $"evidence of {NameOf(pending.First.Validator)} equivocating at h{pending.First.Height} is still not recorded {Now - _goalReachedAt} ms after every node reached height {_goal}");
        }
    }

    private bool IsDone()
    {
        foreach (var node in Nodes)
        {
            if (!node.IsByzantine && (!node.Up || node.Height < _goal))
            {
                return false;
            }
        }

        if (_goalReachedAt == 0)
        {
            _goalReachedAt = Now;
        }

        foreach (var node in Nodes)
        {
            if (!node.IsByzantine && node.EvidencePool.Exists(e => e.First.Height < _goal))
            {
                return false;
            }
        }

        return true;
    }

    private bool Partitioned(int a, int b) => _partition is { } p && p[a] != p[b];

    private bool SurvivesTheWire(SimMessage message) => message switch
    {
        ProposalMessage p => Decodes(p.Block),
        BlocksResponse r => r.Blocks.All(b => Decodes(b.Block)),
        _ => true,
    };

    private bool Decodes(Block block)
    {
        if (!_decodes.TryGetValue(block, out var ok))
        {
            try
            {
                Block.Decode(block.ToBytes());
                ok = true;
            }
            catch (DecodeException)
            {
                ok = false;
            }

            _decodes.Add(block, ok);
        }

        return ok;
    }

    private ulong Delay(NetworkProfile profile)
    {
        var delay = profile.MinDelayMs + (ulong)Random.Next(0, (int)(profile.MaxDelayMs - profile.MinDelayMs + 1));
        if (profile.TailPerMille > 0 && Random.Next(1000) < profile.TailPerMille)
        {
            delay += (ulong)Random.Next(0, (int)profile.TailMaxMs + 1);
        }

        return delay;
    }

    private List<string> FormatTrace()
    {
        var count = (int)Math.Min(_traceCount, _trace.Length);
        var lines = new List<string>(count);
        for (var i = _traceCount - count; i < _traceCount; i++)
        {
            lines.Add(Format(_trace[i % _trace.Length]));
        }

        return lines;
    }

    private string Format((ulong Time, int Node, string Kind, object? Detail) entry)
    {
        var who = entry.Node < 0 ? "sim" : Nodes[entry.Node].Name + (Nodes[entry.Node].IsByzantine ? "*" : "");
        var detail = entry.Detail switch
        {
            (int from, SimMessage message) => $"from {Nodes[from].Name}: {Describe(message)}",
            null => "",
            var other => other.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{entry.Time - Scenario.GenesisTimeMs,7} ms {who,-4} {entry.Kind,-12} {detail}");
    }

    private string Describe(SimMessage message) => message switch
    {
        ProposalMessage p => $"proposal h{p.Proposal.Height} r{p.Proposal.Round} pol {p.Proposal.PolRound} {p.Proposal.BlockId.ToShortString()} by {NameOf(p.Proposal.Proposer)}",
        VoteMessage v => $"{v.Vote.Type} h{v.Vote.Height} r{v.Vote.Round} {(v.Vote.IsNil ? "nil" : v.Vote.BlockId.ToShortString())} by {NameOf(v.Vote.Validator)}",
        EvidenceMessage e => $"evidence against {NameOf(e.Evidence.First.Validator)} h{e.Evidence.First.Height}",
        StatusMessage s => $"status height {s.Height}",
        BlocksRequest r => $"blocks from {r.FromHeight}",
        BlocksResponse r => $"{r.Blocks.Count} block(s) from {(r.Blocks.Count == 0 ? 0 : r.Blocks[0].Block.Header.Height)}",
        TransactionMessage t => $"transaction {t.Transaction.Hash.ToShortString()}",
        _ => message.GetType().Name,
    };
}
