namespace Roundtable.Tests.Support;

/// <summary>
/// Replays the inputs the fuzzer (fuzz/Roundtable.Fuzz) saved under a test project's
/// FuzzRegressions/&lt;target&gt;/ folder: each must be refused with a typed refusal or accepted
/// without a crash. Shared (linked) by every test project that keeps regressions.
/// </summary>
internal static class FuzzRegressionFiles
{
    /// <summary>Runs <paramref name="run"/> on every saved input of <paramref name="target"/>; fails listing each input that threw something other than a refusal.</summary>
    public static void Replay(string testProject, string target, Action<byte[]> run, Func<Exception, bool> isRefusal)
    {
        var directory = Path.Combine(Folder(testProject), target);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.bin").Order(StringComparer.Ordinal).ToArray() : [];
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                run(File.ReadAllBytes(file));
            }
            catch (Exception e) when (isRefusal(e))
            {
                // A typed refusal: fine.
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Throws when <paramref name="reencoded"/> differs from the accepted <paramref name="input"/>.</summary>
    public static void RequireSame(byte[] input, byte[] reencoded)
    {
        if (!reencoded.AsSpan().SequenceEqual(input))
        {
            throw new InvalidOperationException("accepted but not canonical");
        }
    }

    /// <summary>tests/&lt;testProject&gt;/FuzzRegressions, found above the test's output folder.</summary>
    public static string Folder(string testProject)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", testProject, "FuzzRegressions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"tests/{testProject}/FuzzRegressions not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }
}
