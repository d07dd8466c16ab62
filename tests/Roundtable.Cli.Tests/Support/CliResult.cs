using System.Text.Json.Nodes;

namespace Roundtable.Cli.Tests.Support;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliResult(string[] Args, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as a JSON object (fails the test with the output when it is not).</summary>
    public JsonObject Json()
    {
        try
        {
            return JsonNode.Parse(Stdout) as JsonObject ?? throw new InvalidOperationException("not an object");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"stdout of '{string.Join(' ', Args)}' is not a JSON object ({e.Message}):\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    /// <summary>Asserts success and returns this result.</summary>
    public CliResult Ok()
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', Args)}' exited {ExitCode}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return this;
    }

    /// <summary>Asserts a readable failure: the exit code, one "error:" line containing <paramref name="expected"/>, no stack trace.</summary>
    public CliResult Failed(string expected, int exitCode = 1)
    {
        if (ExitCode != exitCode || !Stderr.StartsWith("error: ", StringComparison.Ordinal) || !Stderr.Contains(expected, StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', Args)}' should fail with exit {exitCode} and an error containing '{expected}', but exited {ExitCode}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
        return this;
    }
}
