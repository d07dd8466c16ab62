using System.CommandLine;
using Roundtable.Cli.Devnet;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Init;
using Roundtable.Cli.Keys;
using Roundtable.Cli.NodeCommands;
using Roundtable.Cli.Power;
using Roundtable.Cli.Proofs;
using Roundtable.Cli.Query;
using Roundtable.Cli.Status;
using Roundtable.Cli.Tx;
using Roundtable.Cli.Version;

namespace Roundtable.Cli;

/// <summary>Builds the command tree for one invocation.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliHost host)
    {
        var app = new CliApp(host);
        var root = new RootCommand("Roundtable: a multistakeholder governance ledger. Run a node, manage keys, send transactions and query the chain.");
        root.Options.Add(app.Json);
        root.Subcommands.Add(DevnetCommand.Create(app));
        root.Subcommands.Add(InitCommand.Create(app));
        root.Subcommands.Add(NodeCommand.Create(app));
        root.Subcommands.Add(KeysCommand.Create(app));
        root.Subcommands.Add(TxCommand.Create(app));
        root.Subcommands.Add(QueryCommand.Create(app));
        root.Subcommands.Add(StatusCommand.Create(app));
        root.Subcommands.Add(PowerCommand.Create(app));
        root.Subcommands.Add(ProveCommand.Create(app));
        root.Subcommands.Add(VerifyCommand.Create(app));
        root.Subcommands.Add(LightCommand.Create(app));
        root.Subcommands.Add(VersionCommand.Create(app));
        return root;
    }
}
