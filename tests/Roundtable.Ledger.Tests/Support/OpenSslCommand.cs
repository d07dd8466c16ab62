using System.Diagnostics;

namespace Roundtable.Tests.Support;

/// <summary>Runs the openssl command (a real process) in a scratch directory: keys, certificates and signatures made outside Roundtable.</summary>
internal sealed class OpenSslCommand : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("roundtable-openssl-").FullName;

    /// <summary>The bytes of a file in the scratch directory.</summary>
    public byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// <summary>Writes a file into the scratch directory.</summary>
    public void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(Directory, name), bytes);

    /// <summary>Runs openssl with <paramref name="arguments"/>; fails the test with its error output unless it exits 0.</summary>
    public void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = Directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output.Wait();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', arguments)}: {error}");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
