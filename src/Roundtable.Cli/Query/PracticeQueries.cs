using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary><c>query practices</c> (filtered list), <c>query practice</c> (one statement) and <c>query practices-export</c> (CSV or JSON).</summary>
internal static class PracticeQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) => [List(app, node), One(app, node), Export(app, node)];

    private static Command List(CliApp app, Option<string?> node)
    {
        var region = new Option<string?>("--region") { Description = "Only statements storing or processing data in this region" };
        var basis = new Option<string?>("--legal-basis") { Description = "Only statements on this legal basis" };
        var category = new Option<string?>("--category") { Description = "Only statements naming this data category" };
        var withdrawn = new Option<bool>("--include-withdrawn") { Description = "Also list withdrawn statements" };
        var command = new Command("practices", "List the register of data practices, with filters") { region, basis, category, withdrawn };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.PracticesAsync(parse.GetValue(region), parse.GetValue(basis), parse.GetValue(category), parse.GetValue(withdrawn), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
            }
            else
            {
                PracticeCliViews.List(context, answer.Array("statements"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command One(CliApp app, Option<string?> node)
    {
        var digest = new Argument<string>("DIGEST") { Description = "The statement's id or any version's digest" };
        var command = new Command("practice", "Show a practice statement in plain words, with its versions and comments") { digest };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var statement = await api.PracticeAsync(parse.GetValue(digest)!.Trim(), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(statement);
            }
            else
            {
                PracticeCliViews.Statement(context, statement);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliApp app, Option<string?> node)
    {
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output" };
        var command = new Command("practices-export", "Export the whole register (withdrawn statements included) as CSV or JSON") { format, output };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var text = await api.PracticeExportAsync(parse.GetValue(format)!, ct).ConfigureAwait(false);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
                context.Note($"Wrote the register to {path}.");
            }
            else
            {
                context.Host.Stdout.Write(text);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
