using System.Diagnostics;
using Roundtable.Simulation;

namespace Roundtable.Consensus.Tests.Support;

/// <summary>The simulator's console in a child process: other hash-code seeds, another heap, only the arguments shared.</summary>
internal static class SimulatorProcess
{
    /// <summary>Runs the console with <paramref name="arguments"/>; fails unless it exits 0; returns what it printed.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[typeof(Simulator).Assembly.Location, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, text + process.StandardError.ReadToEnd());
        return text;
    }
}
