using System.CommandLine;

namespace Roundtable.Cli.Infrastructure;

/// <summary>The --home option shared by init and node.</summary>
internal static class HomeOption
{
    public static Option<string?> Create(bool recursive = false) => new("--home")
    {
        Description = $"Node home directory [default: ${Paths.HomeVariable} or ~/.roundtable/node]",
        Recursive = recursive,
    };
}
