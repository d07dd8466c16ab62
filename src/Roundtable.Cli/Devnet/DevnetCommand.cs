using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Node.Devnet;
using Spectre.Console;

namespace Roundtable.Cli.Devnet;

/// <summary>
/// <c>roundtable devnet</c>: a local network of validators, one per stakeholder group, each its own
/// process with its own data directory, until Ctrl-C. Running it again resumes the same chain.
/// </summary>
internal static class DevnetCommand
{
    public static Command Create(CliApp app)
    {
        var validators = new Option<int>("--validators") { Description = "Number of validators (one per stakeholder group)", DefaultValueFactory = _ => 4 };
        var dir = new Option<string>("--dir") { Description = "Where the nodes' homes live", DefaultValueFactory = _ => ".devnet" };
        var reset = new Option<bool>("--reset") { Description = "Delete the existing network and start a new chain" };
        var basePort = new Option<int>("--base-port") { Description = "Node i serves its API on base+10i+7 and peers on base+10i+6", DefaultValueFactory = _ => 26650 };
        var interval = new Option<ulong>("--block-interval-ms") { Description = "Target time between blocks", DefaultValueFactory = _ => 1000 };
        var noDemo = new Option<bool>("--no-demo") { Description = "On a new network, skip the demo (a round table with a poll, a recommendation under consensus, a parameter change under balanced voting)" };
        var fullNodes = new Option<int>("--full-nodes") { Description = "On a new network, this many more nodes that follow the chain and serve the API and portal without voting", DefaultValueFactory = _ => 0 };
        var sparse = new Option<bool>("--sparse") { Description = "On a new network, each validator peers with two others only (a ring) and each full node with one validator; votes and blocks travel by relay" };
        var command = new Command("devnet", "Run a local multi-validator network (one validator per stakeholder group) until Ctrl-C")
        {
            validators, dir, reset, basePort, interval, noDemo, fullNodes, sparse,
        };
        app.SetAction(command, (context, parse, ct) => RunAsync(
            context, new Shape(parse.GetValue(validators), parse.GetValue(fullNodes), parse.GetValue(sparse) ? DevnetTopology.Ring : DevnetTopology.Mesh),
            Path.GetFullPath(parse.GetValue(dir)!), parse.GetValue(reset), parse.GetValue(basePort), parse.GetValue(interval), !parse.GetValue(noDemo), ct));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Shape shape, string dir, bool reset, int basePort, ulong interval, bool demo, CancellationToken cancellationToken)
    {
        if (shape.Validators is < 1 or > 32)
        {
            throw new CliException("--validators must be between 1 and 32.", "invalid-option");
        }

        if (shape.FullNodes is < 0 or > 32)
        {
            throw new CliException("--full-nodes must be between 0 and 32.", "invalid-option");
        }

        if (reset && Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var resumed = DevnetLayout.Exists(dir);
        var nodes = resumed ? DevnetLayout.Load(dir) : DevnetLayout.Create(
            dir, shape.Validators, basePort, interval, DateTimeOffset.UtcNow, fullNodes: shape.FullNodes, topology: shape.Topology);
        ShowLayout(context, nodes, dir, resumed);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext s)
        {
            s.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var (program, programArguments) = ThisProgram();
        var children = nodes.Select(n => NodeChildProcess.Start(program, programArguments, n)).ToList();
        try
        {
            // The demo plays on a new network only: a resumed chain already holds it.
            var demoRun = demo && !resumed ? DemoRunner.RunAsync(context, dir, nodes[0].ApiUrl, stop.Token) : Task.CompletedTask;
            await WatchAsync(context, nodes, children, stop.Token).ConfigureAwait(false);
            await demoRun.ConfigureAwait(false);
        }
        finally
        {
            context.Note("Stopping the nodes…");
            children.ForEach(c => c.Terminate());
            await Task.WhenAll(children.Select(c => c.StopAsync(TimeSpan.FromSeconds(15)))).ConfigureAwait(false);
            children.ForEach(c => c.Dispose());
            context.Note($"Stopped. Run the same command again to resume the chain (--reset starts over).");
        }

        return CliApp.Ok;
    }

    private static void ShowLayout(CommandContext context, IReadOnlyList<DevnetNode> nodes, string dir, bool resumed)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["dir"] = dir,
                ["resumed"] = resumed,
                ["chainId"] = DevnetLayout.ChainId,
                ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject
                {
                    ["name"] = n.Name, ["isValidator"] = n.IsValidator, ["stakeholderGroup"] = n.StakeholderGroup, ["validator"] = n.ValidatorName,
                    ["api"] = n.ApiUrl, ["p2p"] = n.P2p, ["dns"] = n.Dns, ["nodeId"] = n.NodeId, ["home"] = n.Home,
                })]),
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("node", "stakeholder group", "validator", "API", "DNS (UDP+TCP)", "peer port", "node id");
        foreach (var n in nodes)
        {
            table.AddRow(n.Name, n.IsValidator ? n.StakeholderGroup : "(full node, no vote)", Markup.Escape(n.ValidatorName), n.ApiUrl, n.Dns ?? "-", n.P2p, n.NodeId[..12]);
        }

        context.Line((resumed ? "Resuming" : "Started") + $" local network '{DevnetLayout.ChainId}' in {dir}");
        context.Write(table);
        context.Line("Portal (open it in a browser): " + nodes[0].ApiUrl + "/   ·   every node serves it on its API port.");
        if (nodes[0].Dns is { } dns && IPEndPoint.TryParse(dns, out var endPoint))
        {
            context.Line($"DNS zone {DevnetZone.Origin} on every node: dig @{endPoint.Address} -p {endPoint.Port} {DevnetZone.Origin} SOA");
        }

        context.Line("Logs: <home>/node.log. Try: roundtable status --node " + nodes[0].ApiUrl + "   ·   Ctrl-C stops all nodes.");
    }

    /// <summary>How to start this same program again: the apphost, or <c>dotnet</c> and this assembly.</summary>
    private static (string Program, string[] Arguments) ThisProgram()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? (host, [typeof(DevnetCommand).Assembly.Location]) : (host, []);
    }

    private static async Task WatchAsync(CommandContext context, IReadOnlyList<DevnetNode> nodes, IReadOnlyList<NodeChildProcess> children, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(800) };
        var reported = new bool[children.Count];
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var parts = new List<string>();
                var json = new JsonArray();
                for (var i = 0; i < nodes.Count; i++)
                {
                    if (children[i].HasExited)
                    {
                        if (!reported[i])
                        {
                            context.Note($"{nodes[i].Name} exited with code {children[i].ExitCode}; see {children[i].LogFile}");
                            reported[i] = true;
                        }

                        parts.Add($"{nodes[i].Name} down");
                        json.Add(new JsonObject { ["name"] = nodes[i].Name, ["up"] = false });
                        continue;
                    }

                    var status = await TryStatusAsync(http, nodes[i].ApiUrl, cancellationToken).ConfigureAwait(false);
                    if (status is null)
                    {
                        parts.Add($"{nodes[i].Name} starting");
                        json.Add(new JsonObject { ["name"] = nodes[i].Name, ["up"] = false });
                        continue;
                    }

                    var height = (ulong?)status["height"] ?? 0;
                    var time = DateTimeOffset.Parse((string)status["latestBlockTime"]!, CultureInfo.InvariantCulture);
                    var age = DateTimeOffset.UtcNow - time;
                    parts.Add($"{nodes[i].Name} h{height} ({age.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s ago)");
                    json.Add(new JsonObject { ["name"] = nodes[i].Name, ["up"] = true, ["height"] = height, ["latestBlockTime"] = (string?)status["latestBlockTime"] });
                }

                if (context.Json)
                {
                    context.WriteJson(new JsonObject { ["time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["nodes"] = json });
                }
                else
                {
                    context.Line($"{DateTimeOffset.Now:HH:mm:ss}  " + string.Join("  |  ", parts));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<JsonObject?> TryStatusAsync(HttpClient http, string api, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<JsonObject>(api + "/api/v1/status", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>How many nodes of each kind a new network gets, and who peers with whom.</summary>
    private sealed record Shape(int Validators, int FullNodes, DevnetTopology Topology);
}
