using System.Diagnostics;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;

namespace Roundtable.IntegrationTests.Support;

/// <summary>
/// Another build of the node from the same sources, stamped with another release name, as an
/// operator would install an approved upgrade: its own directory, its own release hash.
/// </summary>
internal sealed record SecondBuild(string CliPath, string Version, Hash256 ReleaseHash)
{
    /// <summary>
    /// Builds the CLI into <paramref name="directory"/> with <c>RoundtableRelease</c> set. Only the
    /// CLI project is compiled again (its intermediate files go to the directory too, so the tests'
    /// own build is left alone); the libraries are the ones already built (by test.sh's build).
    /// </summary>
    public static async Task<SecondBuild> CreateAsync(string directory, string release)
    {
        var cliDirectory = Path.Combine(RepositoryRoot(), "src", "Roundtable.Cli");
        var output = Path.Combine(directory, "bin");

        // The release is the CLI's own build output with the recompiled CLI on top: the build
        // below compiles only the CLI project and does not copy the libraries.
        var built = Path.Combine(cliDirectory, "bin", "Release", "net10.0");
        foreach (var file in Directory.GetFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(output, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var project = Path.Combine(cliDirectory, "Roundtable.Cli.csproj");
        await RunAsync(
            "dotnet", "build", project, "-c", "Release", "--no-dependencies", "--no-restore", "-nologo", "-clp:ErrorsOnly",
            "-p:RoundtableRelease=" + release, "-p:RoundtableCliIntermediateOutputPath=" + Path.Combine(directory, "obj") + Path.DirectorySeparatorChar, "-o", output);
        var cli = Path.Combine(output, "roundtable.dll");
        var version = JsonNode.Parse(await RunAsync("dotnet", cli, "--json", "version"))!;
        return new SecondBuild(cli, (string)version["version"]!, Hash256.Parse((string)version["releaseHash"]!));
    }

    /// <summary>The release hash of the tests' own build of the node, as <c>roundtable version</c> prints it.</summary>
    public static async Task<Hash256> TestBuildHashAsync() =>
        Hash256.Parse((string)JsonNode.Parse(await RunAsync("dotnet", NodeProcess.CliPath, "--json", "version"))!["releaseHash"]!);

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roundtable.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Roundtable.sln not found above " + AppContext.BaseDirectory);
    }
}
