using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in-process with its own environment: HOME, keyring and node URL point into a temp
/// directory, so no test ever touches the real ~/.roundtable.
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly TempDirectory _dir = new("roundtable-cli-session-");
    private readonly Dictionary<string, string> _environment;

    public CliSession(string? nodeUrl = null)
    {
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = _dir.Combine("home"),
            ["ROUNDTABLE_KEYRING"] = Keyring,
        };
        if (nodeUrl is not null)
        {
            _environment["ROUNDTABLE_NODE"] = nodeUrl;
        }
    }

    /// <summary>This session's keyring directory.</summary>
    public string Keyring => _dir.Combine("keys");

    /// <summary>A scratch path inside the session directory.</summary>
    public string Scratch(string name) => _dir.Combine(name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Cli.RunAsync(args, new CliHost(stdout, stderr, _environment)).ConfigureAwait(false);
        return new CliResult(args, exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
