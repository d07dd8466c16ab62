using Roundtable.Fuzz;

// Deterministic mutation fuzzer for Roundtable's decoders. See fuzz/README.md.
//   dotnet run --project fuzz/Roundtable.Fuzz -c Release -- --target all --seconds 60 --seed 1
return Cli.Run(args);

namespace Roundtable.Fuzz
{
    internal static class Cli
    {
        private const string Usage = """
            usage: Roundtable.Fuzz [--target NAME[,NAME...]|all] [--seconds N] [--iterations N] [--seed N]
                                   [--keep-going] [--root DIR] [--replay FILE] [--dump-seeds DIR] [--list]

              --target      targets to fuzz (default all); --list prints them
              --seconds     time box of the whole run, shared equally by the targets (default 60)
              --iterations  mutated inputs per target instead of a time box (exactly reproducible)
              --seed        seed of the generated corpus and of the mutations (default 1)
              --keep-going  do not stop at the first crash; save one input per distinct crash
              --root        repository root (default: found by walking up to Roundtable.sln)
              --replay      run one file through --target and print the outcome
              --dump-seeds  write the generated seed inputs of the targets under DIR and exit

            A crash is any exception other than the target's typed refusal, a decoder accepting
            non-canonical bytes, or an input running longer than 2 s. Crashing inputs are saved to
            tests/<project>/FuzzRegressions/<target>/<sha256-prefix>.bin; the exit code is then 1.
            """;

        public static int Run(string[] args)
        {
            var targets = "all";
            var seconds = 60.0;
            long? iterations = null;
            var seed = 1;
            var keepGoing = false;
            string? root = null;
            string? replay = null;
            string? dumpSeeds = null;

            try
            {
                for (var i = 0; i < args.Length; i++)
                {
                    switch (args[i])
                    {
                        case "--target":
                            targets = args[++i];
                            break;
                        case "--seconds":
                            seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case "--iterations":
                            iterations = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case "--seed":
                            seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case "--keep-going":
                            keepGoing = true;
                            break;
                        case "--root":
                            root = args[++i];
                            break;
                        case "--replay":
                            replay = args[++i];
                            break;
                        case "--dump-seeds":
                            dumpSeeds = args[++i];
                            break;
                        case "--list":
                            foreach (var t in Targets.All)
                            {
                                Console.WriteLine($"{t.Name,-18} regressions in {t.RegressionFolder}");
                            }

                            return 0;
                        case "-h" or "--help":
                            Console.WriteLine(Usage);
                            return 0;
                        default:
                            throw new ArgumentException($"unknown option '{args[i]}'");
                    }
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or OverflowException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var selected = new List<FuzzTarget>();
            foreach (var name in targets == "all" ? Targets.All.Select(t => t.Name) : targets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Targets.Find(name) is not { } target)
                {
                    Console.Error.WriteLine($"error: unknown target '{name}' (known: {string.Join(", ", Targets.All.Select(t => t.Name))})");
                    return 2;
                }

                selected.Add(target);
            }

            root ??= FindRoot();
            if (root is null)
            {
                Console.Error.WriteLine("error: Roundtable.sln not found above the current directory; pass --root");
                return 2;
            }

            if (dumpSeeds is not null)
            {
                foreach (var target in selected)
                {
                    var folder = Path.Combine(dumpSeeds, target.Name);
                    Directory.CreateDirectory(folder);
                    var n = 0;
                    foreach (var input in target.Seeds(seed))
                    {
                        File.WriteAllBytes(Path.Combine(folder, $"{n++:D3}.bin"), input);
                    }

                    Console.WriteLine($"{target.Name}: {n} generated seed(s) written to {folder}");
                }

                return 0;
            }

            if (replay is not null)
            {
                if (selected.Count != 1)
                {
                    Console.Error.WriteLine("error: --replay needs exactly one --target");
                    return 2;
                }

                Console.WriteLine(FuzzRunner.Describe(selected[0], File.ReadAllBytes(replay)));
                return 0;
            }

            return Fuzz(selected, root, TimeSpan.FromSeconds(seconds / selected.Count), iterations, seed, keepGoing);
        }

        private static int Fuzz(List<FuzzTarget> targets, string root, TimeSpan perTarget, long? iterations, int seed, bool keepGoing)
        {
            Console.WriteLine(iterations is { } n
                ? $"fuzzing {targets.Count} target(s), {n} mutated input(s) each, seed {seed}"
                : $"fuzzing {targets.Count} target(s), {perTarget.TotalSeconds:F1} s each, seed {seed}");

            var watchdog = new Watchdog();
            var reports = new List<TargetReport>();
            var worker = new Thread(() =>
            {
                foreach (var target in targets)
                {
                    var report = new FuzzRunner(target, root, watchdog, seed, keepGoing).Run(perTarget, iterations);
                    lock (reports)
                    {
                        reports.Add(report);
                    }

                    Console.WriteLine(
                        $"{report.Target,-18} {report.Executions,10:N0} execs in {report.Elapsed.TotalSeconds,5:F1} s = {report.ExecutionsPerSecond,9:N0} exec/s" +
                        $"  accepted {report.Accepted,8:N0}  corpus {report.CorpusSize,5}  outcomes {report.Features,4}  crashes {report.Crashes}");
                    if (report.Crashes > 0 && !keepGoing)
                    {
                        return;
                    }
                }
            }, maxStackSize: 16 * 1024 * 1024)
            {
                Name = "fuzz",
                IsBackground = true,
            };

            worker.Start();
            watchdog.Watch(worker, running =>
            {
                var path = FuzzRunner.SaveCrash(root, running.Target, running.Input);
                Console.Error.WriteLine();
                Console.Error.WriteLine($"CRASH in target '{running.Target.Name}' (seed {seed}, iteration {running.Iteration}): an input ran longer than {Watchdog.Limit.TotalSeconds:F0} s (hang)");
                Console.Error.WriteLine($"input saved to {Path.GetRelativePath(root, path)}");
                Console.Out.Flush();
                Console.Error.Flush();
                Environment.Exit(1);
            });

            List<TargetReport> done;
            lock (reports)
            {
                done = [.. reports];
            }

            var crashes = done.Sum(r => r.Crashes);
            var total = done.Sum(r => r.Executions);
            var seconds = done.Sum(r => r.Elapsed.TotalSeconds);
            Console.WriteLine(
                $"fuzz {(crashes == 0 ? "passed" : "FAILED")}: {done.Count} target(s), {total:N0} execs in {seconds:F1} s ({(seconds > 0 ? total / seconds : 0):N0}/s), {crashes} crash(es), seed {seed}");
            return crashes == 0 ? 0 : 1;
        }

        private static string? FindRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Roundtable.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            return null;
        }
    }
}
