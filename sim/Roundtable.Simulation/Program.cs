// The console is outside any simulation: it may read the wall clock to print progress.
#pragma warning disable RS0030

using System.Diagnostics;
using System.Globalization;
using Roundtable.Simulation;

/// <summary>Command line of the deterministic simulator.</summary>
internal static class Cli
{
    private const int ValidatorSetLimit = Roundtable.Ledger.Validators.ValidatorSet.MaxValidators;

    private const string Usage = """
        Deterministic simulation of Roundtable consensus (Tendermint) with Byzantine validators,
        partitions, message loss, duplication and reordering, crashes and restarts.

        Usage:
          dotnet run --project sim/Roundtable.Simulation -c Release -- [options]

          --seed N          run one seed and print its outcome (with --verbose: every event)
          --seeds N         run N seeds (from --start, default 1); exit 1 on any violated invariant
          --start S         first seed of --seeds (default 1)
          --minutes M       time box for --seeds (stops starting new seeds after M minutes)
          --parallel P      seeds run side by side (default: number of cores)
          --broken-locking  ablation: the engine runs without locking (a violation is expected)
          --adversary A     random | split-brain (default: split-brain with --broken-locking, else random)
          --verbose         print every event of a --seed run
          --hash            print only the decision-log and chain hashes of a --seed run
          --keep-going      with --seeds, do not stop at the first violation

        Scale mode (docs/scale.md): many validators in five balanced stakeholder groups over a
        wide-area network with full-node hubs, relay and a steady load; prints block time,
        finality, rounds and messages per block:
          --scale V         V validators (e.g. 100 or 200)
          --heights H       heights to reach (default 10)
          --byzantine B     none | group | scattered (default none)
          --tx-rate R       client transactions per simulated second (default 10)
        """;

    public static int Main(string[] args)
    {
        int? seed = null;
        int? seeds = null;
        var start = 1;
        double? minutes = null;
        int? parallel = null;
        var brokenLocking = false;
        Adversary? adversary = null;
        var verbose = false;
        var hashOnly = false;
        var keepGoing = false;
        int? scale = null;
        var heights = 10;
        var byzantine = ScaleByzantine.None;
        var txRate = 10;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--seed": seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--seeds": seeds = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--start": start = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--minutes": minutes = double.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--parallel": parallel = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--broken-locking": brokenLocking = true; break;
                    case "--adversary":
                        adversary = Value(args, ref i) switch
                        {
                            "random" => Adversary.Random,
                            "split-brain" => Adversary.SplitBrain,
                            var other => throw new FormatException($"unknown adversary '{other}'"),
                        };
                        break;
                    case "--verbose": verbose = true; break;
                    case "--hash": hashOnly = true; break;
                    case "--keep-going": keepGoing = true; break;
                    case "--scale": scale = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--heights": heights = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--tx-rate": txRate = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--byzantine":
                        byzantine = Value(args, ref i) switch
                        {
                            "none" => ScaleByzantine.None,
                            "group" => ScaleByzantine.Group,
                            "scattered" => ScaleByzantine.Scattered,
                            var other => throw new FormatException($"unknown byzantine mode '{other}'"),
                        };
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default: throw new FormatException($"unknown option '{args[i]}'");
                }
            }

            if ((seed is null) == (seeds is null) || seeds <= 0 || minutes <= 0 || parallel <= 0)
            {
                throw new FormatException("give either --seed N or --seeds N (N > 0)");
            }

            if (scale is < 5 or > ValidatorSetLimit || heights < 2 || txRate <= 0)
            {
                throw new FormatException($"--scale takes 5 to {ValidatorSetLimit} validators, --heights at least 2, --tx-rate more than 0");
            }
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = new SimulationOptions
        {
            LockingDisabled = brokenLocking,
            Adversary = adversary,
            Scale = scale is { } validators ? new ScaleOptions(validators, heights, byzantine, txRate) : null,
        };
        return seed is { } one ? RunOne(one, verbose ? options with { Log = Console.Out } : options, hashOnly) : RunMany(start, seeds!.Value, minutes, parallel, options, keepGoing);
    }

    private static int RunOne(int seed, SimulationOptions options, bool hashOnly)
    {
        var wall = Stopwatch.StartNew();
        var result = Simulator.Run(seed, options);
        wall.Stop();
        if (hashOnly)
        {
            Console.WriteLine($"decision-log {result.DecisionLogHash}");
            Console.WriteLine($"chain {result.ChainHash}");
            return result.Passed ? 0 : 1;
        }

        Console.WriteLine(result.Report());
        if (result.Scale is not null)
        {
            Console.WriteLine($"  wall time {wall.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        }

        return result.Passed ? 0 : 1;
    }

    private static int RunMany(int start, int count, double? minutes, int? parallel, SimulationOptions options, bool keepGoing)
    {
        var box = minutes is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
        Console.WriteLine($"Running seeds {start}..{start + count - 1}{(box is null ? "" : $" (time box {minutes!.Value.ToString(CultureInfo.InvariantCulture)} min)")}" +
            $"{(options.LockingDisabled ? " with locking DISABLED" : "")}, adversary {Simulator.AdversaryName(options.EffectiveAdversary)}, on {parallel ?? Environment.ProcessorCount} thread(s)");
        var progress = Stopwatch.StartNew();
        var done = 0;
        var summary = SeedRunner.Run(start, count, box, options, stopAtFirstFailure: !keepGoing, parallel, result =>
        {
            done++;
            if (!result.Passed)
            {
                Console.WriteLine(result.Report());
            }

            if (progress.Elapsed >= TimeSpan.FromSeconds(15))
            {
                progress.Restart();
                Console.WriteLine($"  ... {done} seeds done");
            }
        });
        Console.WriteLine(summary.ToString());
        if (summary.Failures.Count > 0)
        {
            Console.WriteLine("Failing seeds: " + string.Join(", ", summary.Failures.Select(f => f.Seed)));
            Console.WriteLine("Replay the first: " + summary.Failures[0].ReplayCommand);
            return 1;
        }

        return 0;
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
}
