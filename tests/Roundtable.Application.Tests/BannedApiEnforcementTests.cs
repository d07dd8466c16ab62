using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Roundtable.Application.Tests;

/// <summary>
/// Builds, once, a throwaway library outside the repository that sets
/// <c>RoundtableDeterministic</c> and imports the repository's Directory.Build.props/targets and
/// central package versions, with one source file per probed API use. Each file's diagnostics
/// tell which uses the banned-API list (eng/BannedSymbols.Deterministic.txt, enforced by
/// Microsoft.CodeAnalysis.BannedApiAnalyzers as RS0030) actually stops.
/// </summary>
public sealed class BannedApiProbe : IDisposable
{
    private static readonly Regex DiagnosticLine = new(
        @"^(?<path>.+?)\(\d+,\d+\): (?:error|warning) (?<id>[A-Z]+[0-9]+): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly string _directory;

    public BannedApiProbe()
    {
        RepositoryRoot = FindRepositoryRoot();
        _directory = Path.Combine(Path.GetTempPath(), "roundtable-banned-api-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <RoundtableDeterministic>true</RoundtableDeterministic>
                <OutputType>Library</OutputType>
              </PropertyGroup>
            </Project>
            """);
        foreach (var (name, body) in BannedApiEnforcementTests.Enforced.Select(c => (c.Name, c.Body))
                     .Concat(BannedApiEnforcementTests.ClosedGaps.Select(c => (c.Name, c.Body)))
                     .Concat(BannedApiEnforcementTests.Allowed.Select(c => (c.Name, c.Body))))
        {
            File.WriteAllText(Path.Combine(_directory, name + ".cs"), $$"""
                using System.Diagnostics;
                using System.Globalization;
                using System.Security.Cryptography;

                namespace Probe;

                public static class {{name}}
                {
                    {{body}}
                }

                """);
        }

        (ExitCode, Output) = RunBuild();
        Diagnostics = [.. DiagnosticLine.Matches(Output)
            .Select(m => (File: Path.GetFileNameWithoutExtension(m.Groups["path"].Value.Trim()), Id: m.Groups["id"].Value, Message: m.Groups["message"].Value))
            .Distinct()];
    }

    public string RepositoryRoot { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public IReadOnlyList<(string File, string Id, string Message)> Diagnostics { get; }

    public IEnumerable<(string Id, string Message)> For(string file) =>
        Diagnostics.Where(d => d.File == file).Select(d => (d.Id, d.Message));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) &&
                File.Exists(Path.Combine(dir.FullName, "eng", "BannedSymbols.Deterministic.txt")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

    private (int ExitCode, string Output) RunBuild()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "build", "Probe.csproj", "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
                     "-p:UseSharedCompilation=false",
                     "-p:DirectoryBuildPropsPath=" + Path.Combine(RepositoryRoot, "Directory.Build.props"),
                     "-p:DirectoryBuildTargetsPath=" + Path.Combine(RepositoryRoot, "Directory.Build.targets"),
                     "-p:DirectoryPackagesPropsPath=" + Path.Combine(RepositoryRoot, "Directory.Packages.props"),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs inside an MSBuild/dotnet test environment; do not let it leak into the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The probe build did not finish within 3 minutes.");
        }

        process.WaitForExit();
        var output = new StringBuilder().Append(stdout.Result).AppendLine().Append(stderr.Result).ToString();
        return (process.ExitCode, output);
    }
}

/// <summary>
/// Pins which API uses the banned-API list turns into build errors in deterministic projects,
/// and that what it does not see is reported by eng/Roundtable.Analyzers (see <see cref="ClosedGaps"/>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class BannedApiEnforcementTests : IClassFixture<BannedApiProbe>
{
    /// <summary>Uses the list stops, with the symbol text RS0030 names.</summary>
    internal static readonly (string Name, string Body, string Symbol)[] Enforced =
    [
        ("DateTimeUtcNow", "public static DateTime F() => DateTime.UtcNow;", "'DateTime.UtcNow'"),
        ("DateTimeNow", "public static DateTime F() => DateTime.Now;", "'DateTime.Now'"),
        ("DateTimeToday", "public static DateTime F() => DateTime.Today;", "'DateTime.Today'"),
        ("DateTimeOffsetNow", "public static DateTimeOffset F() => DateTimeOffset.Now;", "'DateTimeOffset.Now'"),
        ("DateTimeOffsetUtcNow", "public static DateTimeOffset F() => DateTimeOffset.UtcNow;", "'DateTimeOffset.UtcNow'"),
        ("TickCount", "public static int F() => Environment.TickCount;", "'Environment.TickCount'"),
        ("TickCount64", "public static long F() => Environment.TickCount64;", "'Environment.TickCount64'"),
        ("StopwatchUse", "public static long F() => Stopwatch.GetTimestamp();", "'Stopwatch'"),
        ("TimeProviderUse", "public static DateTimeOffset F() => TimeProvider.System.GetUtcNow();", "'TimeProvider'"),
        ("TimerUse", "public static IDisposable F() => new System.Threading.Timer(static _ => { }, null, 0, 0);", "'Timer'"),
        ("ThreadUse", "public static void F() => Thread.Sleep(1);", "'Thread'"),
        ("ParallelUse", "public static void F() => Parallel.For(0, 2, static _ => { });", "'Parallel'"),
        ("NewRandom", "public static int F() => new Random().Next();", "'Random'"),
        ("SharedRandom", "public static int F() => Random.Shared.Next();", "'Random'"),
        ("CryptoRandom", "public static int F() => RandomNumberGenerator.GetInt32(10);", "'RandomNumberGenerator'"),
        ("NewGuid", "public static Guid F() => Guid.NewGuid();", "'Guid.NewGuid()'"),
        ("DoubleMember", "public static bool F() => double.IsNaN(double.Epsilon);", "'double'"),
        ("HalfUse", "public static bool F(int x) => (Half)x > Half.One;", "'Half'"),
        ("CultureUse", "public static string F() => CultureInfo.CurrentCulture.Name;", "'CultureInfo'"),
        ("ToLowerUse", "public static string F(string s) => s.ToLower();", "'string.ToLower()'"),
        ("ToUpperUse", "public static string F(string s) => s.ToUpper();", "'string.ToUpper()'"),
        ("CompareUse", "public static int F(string a, string b) => string.Compare(a, b);", "'string.Compare(string?, string?)'"),
        ("CompareToUse", "public static int F(string a, string b) => a.CompareTo(b);", "'string.CompareTo(string?)'"),
        ("DictionaryGetEnumerator", "public static bool F(Dictionary<string, int> d) { using var e = d.GetEnumerator(); return e.MoveNext(); }", "'Dictionary<TKey, TValue>.GetEnumerator()'"),
        ("DictionaryForeachKeys", "public static int F(Dictionary<string, int> d) { var n = 0; foreach (var k in d.Keys) { n += k.Length; } return n; }", "'Dictionary<TKey, TValue>.Keys'"),
        ("DictionaryValues", "public static int F(Dictionary<string, int> d) => d.Values.Sum();", "'Dictionary<TKey, TValue>.Values'"),
        ("HashSetGetEnumerator", "public static bool F(HashSet<int> h) { using var e = h.GetEnumerator(); return e.MoveNext(); }", "'HashSet<T>.GetEnumerator()'"),
        ("FileUse", "public static string F(string p) => File.ReadAllText(p);", "'File'"),
        ("FileStreamUse", "public static Stream F(string p) => new FileStream(p, FileMode.Open);", "'FileStream'"),
        ("SocketUse", "public static IDisposable F() => new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);", "'Socket'"),
        ("X509ChainUse", "public static int F() { using var c = new System.Security.Cryptography.X509Certificates.X509Chain(); return c.ChainElements.Count; }", "'X509Chain'"),
        ("X509StoreUse", "public static int F() { using var s = new System.Security.Cryptography.X509Certificates.X509Store(); return s.Certificates.Count; }", "'X509Store'"),
        ("X509Certificate2Use", "public static int F(byte[] d) => System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(d).Version;", "'X509Certificate2'"),
    ];

    /// <summary>
    /// Uses the list does NOT stop, although they are what its entries are meant to forbid: a
    /// foreach (or LINQ, or a spread) binds GetEnumerator implicitly, which RS0030 does not
    /// report, and a banned type is reported only when one of its members is referenced, not when
    /// it is used as the type of a value (built-in double/float arithmetic has no member symbol).
    /// eng/Roundtable.Analyzers closes these gaps: RT0001 (unordered iteration) and RT0002
    /// (floating point), with the diagnostic id each case must now fail with.
    /// </summary>
    internal static readonly (string Name, string Body, string Id)[] ClosedGaps =
    [
        ("GapDictionaryForeach", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var kv in d) { s += kv.Value; } return s; }", "RT0001"),
        ("GapDictionaryForeachDeconstruct", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var (_, v) in d) { s += v; } return s; }", "RT0001"),
        ("GapDictionaryLinq", "public static int F(Dictionary<string, int> d) => d.Sum(static kv => kv.Value) + d.ToList().Count;", "RT0001"),
        ("GapDictionarySpread", "public static int F(Dictionary<string, int> d) { KeyValuePair<string, int>[] a = [.. d]; return a.Length; }", "RT0001"),
        ("GapHashSetForeach", "public static int F(HashSet<int> h) { var s = 0; foreach (var x in h) { s += x; } return s; }", "RT0001"),
        ("GapHashSetLinq", "public static int F(HashSet<int> h) => h.Sum() + h.First();", "RT0001"),
        ("GapDoubleLocal", "public static int F(int x) { double d = x; return d > 1 ? 1 : 0; }", "RT0002"),
        ("GapDoubleSignature", "public static double F(double x) => x * 1.5;", "RT0002"),
        ("GapDoubleArithmetic", "public static bool F(int x) => x / 2.0 > (double)x / 3;", "RT0002"),
        ("GapDoubleMath", "public static int F(int x) => (int)Math.Sqrt(x);", "RT0002"),
        ("GapSingleLocal", "public static int F(int x) { float f = x * 0.5f; return f > 1 ? 1 : 0; }", "RT0002"),
    ];

    /// <summary>The deterministic replacements the list points to: they must build cleanly.</summary>
    internal static readonly (string Name, string Body)[] Allowed =
    [
        ("AllowedSortedDictionary", "public static int F(SortedDictionary<string, int> d) { var s = 0; foreach (var (k, v) in d) { s += v + k.Length; } return s; }"),
        ("AllowedOrdinal", "public static int F(string a, string b) => string.CompareOrdinal(a.ToLowerInvariant(), b.ToUpperInvariant());"),
        ("AllowedDictionaryLookup", "public static int F(Dictionary<string, int> d) => d.TryGetValue(\"a\", out var v) ? v + d.Count : d.Count;"),
        ("AllowedDateTimeArithmetic", "public static DateTime F(long ms) => DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond);"),
    ];

    private readonly BannedApiProbe _probe;

    public BannedApiEnforcementTests(BannedApiProbe probe)
    {
        _probe = probe;
    }

    [Fact]
    public void The_deterministic_projects_opt_in_to_the_banned_api_list()
    {
        foreach (var project in new[] { "Application", "Ledger", "Merkle", "Consensus" })
        {
            var csproj = File.ReadAllText(Path.Combine(_probe.RepositoryRoot, "src", "Roundtable." + project, "Roundtable." + project + ".csproj"));
            Assert.Contains("<RoundtableDeterministic>true</RoundtableDeterministic>", csproj, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_deterministic_project_using_the_wall_clock_randomness_or_dictionary_enumeration_fails_to_build_with_RS0030()
    {
        Assert.True(_probe.ExitCode != 0, "The probe build succeeded:\n" + _probe.Output);
        var missing = new List<string>();
        foreach (var (name, _, symbol) in Enforced)
        {
            var diagnostics = _probe.For(name).ToList();
            if (!diagnostics.Any(d => d.Id == "RS0030" && d.Message.Contains(symbol, StringComparison.Ordinal) && d.Message.Contains("is banned", StringComparison.Ordinal)))
            {
                missing.Add($"{name}: expected RS0030 for {symbol}, got [{string.Join("; ", diagnostics)}]");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing) + "\n\nBuild output:\n" + _probe.Output);
    }

    [Fact]
    public void The_build_fails_only_because_of_banned_apis_or_the_determinism_analyzers_and_the_deterministic_replacements_build_cleanly()
    {
        Assert.NotEmpty(_probe.Diagnostics);
        Assert.All(_probe.Diagnostics, d => Assert.Contains(d.Id, new[] { "RS0030", "RT0001", "RT0002" }));
        foreach (var (name, _) in Allowed)
        {
            Assert.Empty(_probe.For(name));
        }
    }

    [Fact]
    public void Former_gaps_foreach_linq_or_spread_over_Dictionary_and_HashSet_and_double_or_float_values_fail_with_RT0001_or_RT0002()
    {
        var missing = new List<string>();
        foreach (var (name, _, id) in ClosedGaps)
        {
            var diagnostics = _probe.For(name).ToList();
            if (!diagnostics.Any(d => d.Id == id) || diagnostics.Any(d => d.Id != id))
            {
                missing.Add($"{name}: expected only {id}, got [{string.Join("; ", diagnostics)}]");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing) + "\n\nBuild output:\n" + _probe.Output);
        Assert.Contains("error RT0001", _probe.Output, StringComparison.Ordinal);
        Assert.Contains("error RT0002", _probe.Output, StringComparison.Ordinal);
    }
}
