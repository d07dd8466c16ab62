using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli;

/// <summary>
/// The <c>roundtable</c> command line. The executable calls it with the process's console;
/// tests call it in-process with their own writers and environment.
/// </summary>
public static class Cli
{
    /// <summary>Runs one command line against the process environment and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliHost(stdout, stderr), cancellationToken);

    /// <summary>Runs one command line with an explicit host (writers, environment) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = RootCommandFactory.Create(host);
        var invocation = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            EnableDefaultExceptionHandler = false,

            // 'node start' handles SIGTERM/SIGINT itself; other commands may simply be interrupted.
            ProcessTerminationTimeout = null,
        };

        try
        {
            // No response files: an argument starting with '@' is data here (a DNS record's owner), never a file to expand.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Action is ParseErrorAction)
            {
                return ReportUsageErrors(parse, host);
            }

            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.Stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await host.Stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static int ReportUsageErrors(ParseResult parse, CliHost host)
    {
        // One line per mistake and a pointer to help, rather than the whole help text.
        var json = parse.Tokens.Any(t => t.Value == "--json");
        var context = new CommandContext(host, json);
        context.Fail(string.Join(Environment.NewLine + "error: ", parse.Errors.Select(e => e.Message)), "usage");
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "roundtable" : result.Command.Name);
        }

        var path = string.Join(' ', names);
        context.Note($"Run '{path} --help' for usage.");
        return CliApp.UsageError;
    }
}
