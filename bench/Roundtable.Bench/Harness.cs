using System.Diagnostics;
using System.Globalization;

namespace Roundtable.Bench;

/// <summary>Prints the result table: one markdown row per figure, flushed as soon as it is known.</summary>
internal static class Report
{
    public const string Header =
        "| figure | measurement | result | peer / ceiling (same run) | ratio |\n" +
        "|---|---|---|---|---|";

    public static void Row(string figure, string measurement, string result, string peer = "", string ratio = "")
    {
        Console.WriteLine($"| {figure} | {measurement} | {result} | {peer} | {ratio} |");
        Console.Out.Flush();
    }

    /// <summary>Progress and diagnostics go to stderr so that stdout stays a clean table.</summary>
    public static void Note(string message)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
    }

    public static string Rate(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} /s");

    /// <summary>"12,345 /s (20,000 per CPU-s)": wall-clock rate, then operations per second of CPU time used.</summary>
    public static string Rate(double perSecond, double perCpuSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} /s ({perCpuSecond:N0} per CPU-s)");

    public static string Ms(double milliseconds) => milliseconds >= 100
        ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N1} ms");

    public static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:N2} s");

    public static string Ns(double nanoseconds) => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:N0} ns");

    public static string Ratio(double ratio) => ratio >= 0.1
        ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}")
        : string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0000}");

    public static string Num(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:N0}");

    public static string MiB(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):N1} MiB");

    public static string MiBps(double bytesPerSecond) => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / (1024 * 1024):N0} MiB/s");

    /// <summary>The 1-minute load average (other engineers build and test on the same machine).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

/// <summary>Plain Stopwatch timing. Every figure is the median of several interleaved rounds.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// Wall time and the process's CPU time (all threads) over <paramref name="action"/>. On a
    /// machine shared with other builds the CPU time is the steadier of the two for one thread.
    /// </summary>
    public static (TimeSpan Wall, TimeSpan Cpu) TimeWithCpu(Action action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Time(action);
        return (wall, Environment.CpuUsage.TotalTime - cpu);
    }

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="threads"/> dedicated threads that start together;
    /// returns the wall time from the start signal until the last one finishes.
    /// </summary>
    public static (TimeSpan Wall, TimeSpan Cpu) OnThreads(int threads, Action<int> body)
    {
        if (threads == 1)
        {
            return TimeWithCpu(() => body(0));
        }

        using var start = new ManualResetEventSlim(false);
        using var ready = new CountdownEvent(threads);
        var failures = new Exception?[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                ready.Signal();
                start.Wait();
                try
                {
                    body(index);
                }
                catch (Exception e)
                {
                    failures[index] = e;
                }
            })
            { IsBackground = true };
            workers[t].Start();
        }

        ready.Wait();
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        start.Set();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        var elapsed = (stopwatch.Elapsed, Environment.CpuUsage.TotalTime - cpu);
        var failure = failures.FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw new InvalidOperationException("A benchmark thread failed.", failure);
        }

        return elapsed;
    }

    /// <summary>Collects garbage outside the timed region so that one phase does not pay for another.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}

/// <summary>Scratch directories for the disk figures (default: the system temp directory).</summary>
internal static class Scratch
{
    public static string Root { get; set; } = Environment.GetEnvironmentVariable("ROUNDTABLE_BENCH_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "roundtable-bench");

    public static string Create(string name)
    {
        var path = Path.Combine(Root, name + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Path.GetRandomFileName());
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>"ext4 on /dev/vda" for the directory, from /proc/mounts (best effort).</summary>
    public static string FileSystem(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = (Mount: string.Empty, Device: "?", Type: "?");
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length >= 3 && full.StartsWith(parts[1], StringComparison.Ordinal) && parts[1].Length > best.Mount.Length
                    && (full.Length == parts[1].Length || parts[1] == "/" || full[parts[1].Length] == '/'))
                {
                    best = (parts[1], parts[0], parts[2]);
                }
            }

            return $"{best.Type} on {best.Device}";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

/// <summary>Runs <c>openssl speed</c> as an outside peer measured in the same run.</summary>
internal static class OpenSsl
{
    /// <summary>The last output line containing <paramref name="marker"/>, or null when openssl is not installed.</summary>
    public static string? Speed(string marker, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in arguments)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.Result;
            return output.Split('\n').LastOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Nanoseconds per SHA-256 of a 64-byte message from <c>openssl speed -evp sha256 -bytes 64</c>.</summary>
    public static double? Sha256Ns64(int seconds)
    {
        // "sha256          321982.13k": thousands of bytes per second.
        var line = Speed("sha256", "speed", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "-bytes", "64", "-evp", "sha256");
        var last = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is not null && last.EndsWith('k') && double.TryParse(last[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var kbps) && kbps > 0
            ? 1e9 / (kbps * 1000 / 64)
            : null;
    }
}

/// <summary>This benchmark program run again as a child process for one command (a fresh process: cold JIT, its own CPU count).</summary>
internal static class Child
{
    /// <summary>Starts the child with standard input and output redirected.</summary>
    public static Process Start(string command, string argument)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Child).Assembly.Location);
        }

        start.ArgumentList.Add(command);
        start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {command} child.");
    }

    /// <summary>Runs the child to its end; its standard output, trimmed.</summary>
    public static string Run(string command, string argument)
    {
        using var process = Start(command, argument);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"The {command} child failed ({process.ExitCode}): {output}");
    }
}
