using System.CommandLine;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Keys;

/// <summary>The --keyring option and how it resolves.</summary>
internal static class KeyringOption
{
    public static Option<string?> Create(bool recursive = true) => new("--keyring")
    {
        Description = $"Keyring directory [default: ${Paths.KeyringVariable} or ~/.roundtable/keys]",
        Recursive = recursive,
    };

    public static Keyring Open(CommandContext context, ParseResult parse, Option<string?> option) =>
        new(Paths.Keyring(context.Host, parse.GetValue(option)));
}
