using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Roundtable.Cli.Infrastructure;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;
using Roundtable.Storage;

namespace Roundtable.Cli.NodeCommands;

/// <summary>
/// <c>roundtable node [start]</c>: runs a validator node in the foreground until SIGTERM or Ctrl-C,
/// or, when a devnet or the load bench launched it, until that launcher is gone (<see cref="LauncherWatch"/>).
/// </summary>
internal static class NodeCommand
{
    public static Command Create(CliApp app)
    {
        var home = HomeOption.Create(recursive: true);
        var logFormat = new Option<string>("--log-format") { Description = "Log format on stdout (json is structured, one object a line)", DefaultValueFactory = _ => "text", Recursive = true };
        logFormat.AcceptOnlyFromAmong("text", "json");

        var stateSync = new Option<bool>("--state-sync") { Description = "With no state yet, join by a peer's snapshot (verified as a light client from genesis) instead of replaying every block; same as \"stateSync\": true in node.json", Recursive = true };

        var start = new Command("start", "Run the node in the foreground; SIGTERM or Ctrl-C stops it cleanly");
        var node = new Command("node", "Run a validator node (same as 'node start')") { home, logFormat, stateSync, start };
        app.SetAction(start, (context, parse, ct) => RunAsync(context, parse.GetValue(home), parse.GetValue(logFormat) == "json", parse.GetValue(stateSync), ct));
        app.SetAction(node, (context, parse, ct) => RunAsync(context, parse.GetValue(home), parse.GetValue(logFormat) == "json", parse.GetValue(stateSync), ct));
        return node;
    }

    private static async Task<int> RunAsync(CommandContext context, string? homeOption, bool jsonLogs, bool stateSync, CancellationToken cancellationToken)
    {
        var home = new NodeHome(Paths.NodeHome(context.Host, homeOption));
        if (!home.IsInitialized)
        {
            throw new CliException($"{home.Root} is not a node home; create one with 'roundtable init --home {home.Root}'.", "not-initialized");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? signal = null;
        void OnSignal(PosixSignalContext s)
        {
            if (signal is not null)
            {
                // A second signal while shutting down: let the default action end the process.
                return;
            }

            // Keep the process alive: the node shuts down cleanly and RunAsync returns.
            s.Cancel = true;
            signal = s.Signal.ToString();
            stop.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var launcher = LauncherWatch.FromEnvironment(() =>
        {
            signal ??= "the end of the process that launched it";
            stop.Cancel();
        });

        string? failure = null;
        var logs = CreateLogging(jsonLogs || context.Json);
        try
        {
            var log = logs.CreateLogger("Roundtable.Cli");
            try
            {
                await new ValidatorNode(home, logs) { StateSync = stateSync }.RunAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while starting up: still a clean stop.
            }

            if (signal is not null)
            {
                log.LogInformation("Stopped by {Signal}", signal);
            }
        }
        catch (Exception e) when (e is InvalidDataException or StoreCorruptedException or ChainRestorer.ChainInconsistentException or IOException or UnauthorizedAccessException)
        {
            failure = e.Message;
        }
        finally
        {
            // Flushes the console logger before anything else is written.
            logs.Dispose();
        }

        if (failure is not null)
        {
            throw new CliException($"the node cannot start: {failure}", "node-failed");
        }

        return CliApp.Ok;
    }

    private static ILoggerFactory CreateLogging(bool json) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Information);
        builder.AddFilter("Microsoft", LogLevel.Warning);

        // Start-up failures (a port in use) surface as the exception we report in one line; the
        // host's own copy of it is a stack trace.
        builder.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        if (json)
        {
            builder.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.IncludeScopes = false;
            });
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    });
}
