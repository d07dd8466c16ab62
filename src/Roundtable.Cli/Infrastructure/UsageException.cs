namespace Roundtable.Cli.Infrastructure;

/// <summary>The command was called wrongly (a missing file, an unreadable argument): exit code 2, not 1.</summary>
public sealed class UsageException(string message) : CliException(message, "usage");
