using System.Text.Json.Nodes;

namespace Roundtable.Cli.Infrastructure;

/// <summary>
/// A failure the user can act on (a wrong name, a missing file, a refused transaction): shown as
/// one readable line on stderr, never as a stack trace.
/// </summary>
public class CliException : Exception
{
    /// <summary>A failure with a message and an optional machine-readable reason code.</summary>
    public CliException(string message, string? reason = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Machine-readable code (for --json and scripts), when there is one.</summary>
    public string? Reason { get; }

    /// <summary>Extra fields for the --json error object.</summary>
    public virtual JsonObject? Details => null;
}
