using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Roundtable.Fuzz;

/// <summary>What one target's run did.</summary>
internal sealed record TargetReport(string Target, long Executions, TimeSpan Elapsed, int CorpusSize, int Features, long Accepted, int Crashes)
{
    public double ExecutionsPerSecond => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Fuzzes one target: runs every seed, then mutates random corpus entries until the time box or
/// the iteration count is used up. Without coverage instrumentation, an input joins the corpus when
/// it produces an outcome not seen before (an accepted value of a new kind, or a refusal with a new
/// exception type, class or message shape), a cheap proxy for reaching new code.
/// </summary>
internal sealed class FuzzRunner
{
    private const int MaxCorpus = 4096;
    private const int FeatureFrames = 5;

    private readonly FuzzTarget _target;
    private readonly string _root;
    private readonly Watchdog _watchdog;
    private readonly int _seed;
    private readonly bool _keepGoing;
    private readonly List<byte[]> _corpus = [];
    private readonly HashSet<string> _features = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crashKinds = new(StringComparer.Ordinal);
    private int _seedCount;
    private long _accepted;

    public FuzzRunner(FuzzTarget target, string root, Watchdog watchdog, int seed, bool keepGoing)
    {
        _target = target;
        _root = root;
        _watchdog = watchdog;
        _seed = seed;
        _keepGoing = keepGoing;
    }

    /// <summary>Fuzzes for <paramref name="budget"/> or <paramref name="iterations"/> inputs, whichever is given.</summary>
    public TargetReport Run(TimeSpan budget, long? iterations)
    {
        var random = new Random(StableHash(_target.Name) ^ _seed);
        var mutator = new Mutator(random, _target);
        var clock = Stopwatch.StartNew();
        long executions = 0;

        foreach (var input in LoadSeeds())
        {
            if (!Execute(input, executions++, alwaysKeep: true) && !_keepGoing)
            {
                return Report(executions, clock.Elapsed);
            }
        }

        _seedCount = _corpus.Count;
        if (_corpus.Count == 0)
        {
            _corpus.Add([]);
        }

        for (long i = 0; iterations is { } n ? i < n : clock.Elapsed < budget; i++)
        {
            var input = mutator.Mutate(_corpus[random.Next(_corpus.Count)], _corpus[random.Next(_corpus.Count)]);
            if (!Execute(input, executions++, alwaysKeep: false) && !_keepGoing)
            {
                break;
            }
        }

        if (Environment.GetEnvironmentVariable("FUZZ_DUMP_OUTCOMES") is { } dump)
        {
            File.WriteAllLines(dump + "." + _target.Name, _features.Order(StringComparer.Ordinal));
        }

        return Report(executions, clock.Elapsed);
    }

    /// <summary>Runs one input through the target as the fuzzing loop does; for <c>--replay</c>.</summary>
    public static string Describe(FuzzTarget target, byte[] input)
    {
        try
        {
            return "accepted: " + target.Run(input);
        }
        catch (Exception e) when (target.IsExpected(e))
        {
            return $"refused ({Feature(e)}): {e.Message}";
        }
    }

    /// <summary>Saves a crashing input under the target's regression folder; returns the path.</summary>
    public static string SaveCrash(string root, FuzzTarget target, byte[] input)
    {
        var folder = Path.Combine(root, target.RegressionFolder);
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(input))[..16] + ".bin";
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, input);
        return path;
    }

    private TargetReport Report(long executions, TimeSpan elapsed) =>
        new(_target.Name, executions, elapsed, _corpus.Count, _features.Count, _accepted, _crashKinds.Count);

    /// <summary>Runs one input; false when it crashed the target.</summary>
    private bool Execute(byte[] input, long iteration, bool alwaysKeep)
    {
        string feature;
        Exception? crash = null;
        _watchdog.Begin(_target, input, iteration);
        var start = Stopwatch.GetTimestamp();
        try
        {
            feature = $"ok:{_target.Run(input)}:{SizeClass(input.Length)}";
            _accepted++;
        }
        catch (Exception e) when (_target.IsExpected(e))
        {
            feature = Feature(e);
        }
        catch (Exception e)
        {
            feature = "crash";
            crash = e;
        }
        finally
        {
            _watchdog.End();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (crash is null && elapsed > Watchdog.Limit)
        {
            crash = new TimeoutException($"One input took {elapsed.TotalSeconds:F1} s (limit {Watchdog.Limit.TotalSeconds:F0} s).");
        }

        if (crash is not null)
        {
            ReportCrash(input, iteration, crash);
            return false;
        }

        if (_features.Add(feature) || alwaysKeep)
        {
            Keep(input);
        }

        return true;
    }

    private void Keep(byte[] input)
    {
        if (_corpus.Count < MaxCorpus)
        {
            _corpus.Add(input);
            return;
        }

        // Full: replace a mutated entry, never a seed. The choice only depends on the input, so runs stay deterministic.
        var slots = _corpus.Count - _seedCount;
        if (slots > 0)
        {
            _corpus[_seedCount + (int)(StableHash(input) % (uint)slots)] = input;
        }
    }

    private void ReportCrash(byte[] input, long iteration, Exception crash)
    {
        var kind = crash.GetType().FullName + " @ " + FirstFrame(crash);
        if (!_crashKinds.Add(kind) && _keepGoing)
        {
            return;
        }

        var path = SaveCrash(_root, _target, input);
        var error = Console.Error;
        error.WriteLine();
        error.WriteLine($"CRASH in target '{_target.Name}' (seed {_seed}, iteration {iteration}, {input.Length} byte(s))");
        error.WriteLine(crash.ToString());
        error.WriteLine($"input saved to {Path.GetRelativePath(_root, path)}");
        error.WriteLine($"replay: dotnet run --project fuzz/Roundtable.Fuzz -c Release -- --target {_target.Name} --replay {Path.GetRelativePath(_root, path)}");
    }

    private IEnumerable<byte[]> LoadSeeds()
    {
        foreach (var seed in _target.Seeds(_seed))
        {
            yield return seed;
        }

        foreach (var folder in new[] { _target.CorpusFolder, _target.RegressionFolder })
        {
            var path = Path.Combine(_root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(path).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                yield return File.ReadAllBytes(file);
            }
        }
    }

    /// <summary>
    /// The outcome class of a refusal: exception type, rejection class and the innermost frames of
    /// the throw (which check refused, reached through which decoders). Messages are not used:
    /// they quote the refused values, which would make every input look new.
    /// </summary>
    private static string Feature(Exception e)
    {
        var feature = new StringBuilder(e.GetType().Name);
        if (e is Core.Encoding.DecodeException d)
        {
            feature.Append(':').Append(d.Error);
        }

        var trace = new StackTrace(e, fNeedFileInfo: false);
        for (var i = 0; i < Math.Min(FeatureFrames, trace.FrameCount); i++)
        {
            var method = trace.GetFrame(i)?.GetMethod();
            feature.Append('|').Append(method?.DeclaringType?.Name).Append('.').Append(method?.Name);
        }

        return feature.ToString();
    }

    /// <summary>
    /// Exact sizes up to 255 bytes, then 16 classes per power of two. Accepted inputs of a new size
    /// join the corpus: a varint that grew a byte, an extra list item or a longer string is often a
    /// step towards a bug (libFuzzer keeps "new input size" for the same reason).
    /// </summary>
    private static int SizeClass(int length)
    {
        if (length < 256)
        {
            return length;
        }

        var bits = 32 - int.LeadingZeroCount(length);
        return (bits << 8) | ((length >> (bits - 5)) & 0xF);
    }

    private static string FirstFrame(Exception e)
    {
        var trace = e.StackTrace ?? string.Empty;
        var line = trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        var inIndex = line.IndexOf(" in ", StringComparison.Ordinal);
        return inIndex < 0 ? line : line[..inIndex];
    }

    private static int StableHash(string text) => (int)StableHash(Encoding.UTF8.GetBytes(text));

    private static uint StableHash(byte[] bytes)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would break reproducibility.
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

}
