using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Node.Upgrades;

namespace Roundtable.Cli.Version;

/// <summary>
/// <c>roundtable version</c>: the release name and release hash of this build, the two values a
/// software-upgrade proposal names (docs/upgrades.md).
/// </summary>
internal static class VersionCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("version", "Show this build's release name and release SHA-256 (what a software-upgrade proposal names)");
        app.SetAction(command, (context, _, _) =>
        {
            var release = ReleaseIdentity.Current;
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["version"] = release.Version, ["releaseHash"] = release.Hash.ToString() });
            }
            else
            {
                context.Write(Views.Properties(("version", release.Version), ("release SHA-256", release.Hash.ToString())));
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
