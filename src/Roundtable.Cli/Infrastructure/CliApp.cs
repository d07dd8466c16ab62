using System.CommandLine;

namespace Roundtable.Cli.Infrastructure;

/// <summary>
/// One invocation's shared pieces: the host, the global options, and the wrapper every command
/// action runs in (so that user mistakes become one readable line and an exit code, never a trace).
/// </summary>
internal sealed class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    public CliApp(CliHost host)
    {
        Host = host;
    }

    public CliHost Host { get; }

    /// <summary>Global: machine-readable JSON on stdout.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON on stdout instead of tables",
        Recursive = true,
    };

    /// <summary>Sets <paramref name="command"/>'s action, wrapped in the error handling every command shares.</summary>
    public void SetAction(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(Host, parse.GetValue(Json));
            try
            {
                return await action(context, parse, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException e)
            {
                context.Fail(e.Message, e.Reason, e.Details);
                return UsageError;
            }
            catch (CliException e)
            {
                context.Fail(e.Message, e.Reason, e.Details);
                return Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Fail("interrupted", "interrupted");
                return Interrupted;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Fail(e.Message, "io-error");
                return Failed;
            }
            catch (Exception e)
            {
                // A bug, not a user mistake: still one line unless the user asks for the trace.
                context.Fail($"unexpected {e.GetType().Name}: {e.Message}" + (Host.Environment("ROUNDTABLE_DEBUG") is null ? " (set ROUNDTABLE_DEBUG=1 for details)" : string.Empty), "internal-error");
                if (Host.Environment("ROUNDTABLE_DEBUG") is not null)
                {
                    await Host.Stderr.WriteLineAsync(e.ToString()).ConfigureAwait(false);
                }

                return Failed;
            }
        });
    }

    /// <summary>Sets a synchronous action.</summary>
    public void SetAction(Command command, Func<CommandContext, ParseResult, int> action) =>
        SetAction(command, (context, parse, _) => Task.FromResult(action(context, parse)));
}
