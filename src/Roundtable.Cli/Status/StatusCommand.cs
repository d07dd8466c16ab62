using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Status;

/// <summary><c>roundtable status</c>: chain id, height, latest block, state root and validators.</summary>
internal static class StatusCommand
{
    public static Command Create(CliApp app)
    {
        var node = NodeOption.Create(recursive: false);
        var command = new Command("status", "Show a node's chain: id, height, latest block, state root and validators") { node };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var status = await context.WithStatusAsync($"Asking {api.NodeUrl}…", () => api.StatusAsync(ct)).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(status);
                return CliApp.Ok;
            }

            var mempool = status["mempool"];
            context.Write(Views.Properties(
                ("node", api.NodeUrl),
                ("chain id", status.Display("chainId")),
                ("height", status.Display("height")),
                ("latest block", status.Display("latestBlockId")),
                ("latest block time", status.Display("latestBlockTime")),
                ("state root", status.Display("stateRoot")),
                ("mempool", $"{mempool.Display("transactions")} transaction(s), {mempool.Display("bytes")} bytes"),
                ("release", $"{status["release"].Display("version")} ({status["release"].Display("releaseHash")})"),
                ("upgrade", status["upgrade"] is { } upgrade ? $"to {upgrade.Display("version")} ({upgrade.Display("releaseHash")}) at height {upgrade.Display("haltHeight")}" : "none approved"),
                ("halted", status.OptionalString("halted") ?? "no")));
            var table = Views.Table("validator", "stakeholder group", "power", "address");
            foreach (var v in status.Array("validators"))
            {
                table.Row(v.Display("name"), v.Display("stakeholderGroup"), v.Display("power"), Views.Short(v.OptionalString("address")));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }
}
