using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Names;

namespace Roundtable.Cli.Query;

/// <summary><c>query name</c>, <c>query zones</c>, <c>query zone</c> (with its names) and <c>query dns</c> (the node's server).</summary>
internal static class NameQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) => [Name(app, node), Zones(app, node), Zone(app, node), Dns(app, node)];

    private static Command Name(CliApp app, Option<string?> node)
    {
        var name = new Argument<string>("name") { Description = "The name, e.g. alice.forum.internal" };
        var command = new Command("name", "Who holds a name, what it publishes, until when, and whether it resolves now") { name };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            using var api = NodeOption.Connect(context, parse, node);
            Show(context, await api.NameAsync(label + "." + zone, ct).ConfigureAwait(false), NameViews.Name);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Zones(CliApp app, Option<string?> node)
    {
        var command = new Command("zones", "The co-governed zones, their serials and who may register in them");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            Show(context, await api.ZonesAsync(ct).ConfigureAwait(false), NameViews.Zones);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Zone(CliApp app, Option<string?> node)
    {
        var origin = new Argument<string>("zone") { Description = "The zone, e.g. forum.internal" };
        var limit = new Option<int>("--limit") { Description = "Most names to list (1-1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("zone", "A zone's policy and its registered names") { origin, limit };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new CliException("--limit must be between 1 and 1000.", "invalid-argument");
            }

            var zone = parse.GetValue(origin)!.Trim().ToLowerInvariant().TrimEnd('.') + ".";
            using var api = NodeOption.Connect(context, parse, node);
            var policy = await api.ZoneAsync(zone, ct).ConfigureAwait(false);
            var names = await api.ZoneNamesAsync(zone, n, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["zone"] = policy, ["names"] = names.Array("names").DeepClone() });
            }
            else
            {
                NameViews.Zone(context, policy, names.Array("names"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Dns(CliApp app, Option<string?> node)
    {
        var command = new Command("dns", "Where this node's DNS server listens and what it serves (ask it with dig)");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            Show(context, await api.DnsAsync(ct).ConfigureAwait(false), NameViews.Server);
            return CliApp.Ok;
        });
        return command;
    }

    private static void Show(CommandContext context, JsonObject answer, Action<CommandContext, JsonObject> view)
    {
        if (context.Json)
        {
            context.WriteJson(answer);
        }
        else
        {
            view(context, answer);
        }
    }
}
