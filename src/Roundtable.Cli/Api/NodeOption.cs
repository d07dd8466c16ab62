using System.CommandLine;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Api;

/// <summary>The --node option and the client it opens.</summary>
internal static class NodeOption
{
    public static Option<string?> Create(bool recursive = true) => new("--node")
    {
        Description = $"URL of the node's API [default: ${Paths.NodeVariable} or {Paths.DefaultNodeUrl}]",
        Recursive = recursive,
    };

    public static ApiClient Connect(CommandContext context, ParseResult parse, Option<string?> option) =>
        new(Paths.NodeUrl(context.Host, parse.GetValue(option)));
}
