namespace Roundtable.Cli.Infrastructure;

/// <summary>Where a CLI invocation writes and which environment it reads.</summary>
public sealed class CliHost
{
    private readonly IReadOnlyDictionary<string, string>? _environment;

    /// <summary>A host writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    /// <param name="stdout">Results (tables, or JSON with --json).</param>
    /// <param name="stderr">Errors and progress.</param>
    /// <param name="environment">Environment variables; null reads the process environment.</param>
    public CliHost(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string>? environment = null)
    {
        Stdout = stdout;
        Stderr = stderr;
        _environment = environment;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Stderr { get; }

    /// <summary>True when standard output is the process's own, undirected console.</summary>
    public bool IsTerminal => ReferenceEquals(Stdout, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? Environment(string name)
    {
        var value = _environment is null
            ? System.Environment.GetEnvironmentVariable(name)
            : _environment.GetValueOrDefault(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The user's home directory.</summary>
    public string UserHome => Environment("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
}
