using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Tx;

namespace Roundtable.Cli.Query;

/// <summary><c>query sessions|session|session-report|working-groups|working-group</c>.</summary>
internal static class SessionQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) =>
        [Sessions(app, node), Session(app, node), Report(app, node), WorkingGroups(app, node), WorkingGroup(app, node)];

    private static Command Sessions(CliApp app, Option<string?> node)
    {
        var command = new Command("sessions", "List sessions");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.SessionsAsync(1000, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
                return CliApp.Ok;
            }

            var table = Views.Table("id", "title", "format", "start", "participants", "polls");
            foreach (var s in answer.Array("sessions"))
            {
                table.Row(Views.Short(s.OptionalString("id")), s.Display("title"), s.Display("format"), s.Display("start"), s.Display("participants"), s.Display("polls"));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Session(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("ID") { Description = "The session id" };
        var command = new Command("session", "Show a session: programme, check-ins, polls and their outcomes") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var sessionId = SessionArguments.Id(parse.GetValue(id), "ID", "session").ToString();
            using var api = NodeOption.Connect(context, parse, node);
            var s = await api.SessionAsync(sessionId, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(s);
                return CliApp.Ok;
            }

            context.Write(Views.Properties(
                ("title", s.Display("title")),
                ("format", s.Display("format")),
                ("scheduled", $"{s.Display("start")} to {s.Display("end")}"),
                ("online check-in", s.Display("allowOnline")),
                ("checked in", s.Array("checkedIn").Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var polls = Views.Table("poll", "question", "method", "status", "options", "ballots", "outcome");
            foreach (var p in s.Array("pollDetails"))
            {
                var options = string.Join(", ", p.Array("options").Select((o, i) => $"{i}: {o}"));
                polls.Row(p.Display("number"), p.Display("question"), p.Display("method"), p.Display("status"), options, p.Display("ballots"), p?["outcome"].OptionalString("summary") ?? "-");
            }

            context.Write(polls);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Report(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("ID") { Description = "The session id" };
        var command = new Command("session-report", "Print the session report (Markdown) generated from the record") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var sessionId = SessionArguments.Id(parse.GetValue(id), "ID", "session").ToString();
            using var api = NodeOption.Connect(context, parse, node);
            var report = await api.SessionReportAsync(sessionId, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["session"] = sessionId, ["markdown"] = report });
            }
            else
            {
                context.Host.Stdout.Write(report);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command WorkingGroups(CliApp app, Option<string?> node)
    {
        var command = new Command("working-groups", "List working groups");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.WorkingGroupsAsync(1000, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
                return CliApp.Ok;
            }

            var table = Views.Table("id", "name", "status", "members", "deliverables", "sunset");
            foreach (var g in answer.Array("workingGroups"))
            {
                table.Row(Views.Short(g.OptionalString("id")), g.Display("name"), g.Display("status"), g.Array("members").Count.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Array("deliverables").Count.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Display("sunset"));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command WorkingGroup(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("ID") { Description = "The working group id" };
        var command = new Command("working-group", "Show a working group") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var groupId = SessionArguments.Id(parse.GetValue(id), "ID", "working group").ToString();
            using var api = NodeOption.Connect(context, parse, node);
            var g = await api.WorkingGroupAsync(groupId, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(g);
                return CliApp.Ok;
            }

            context.Write(Views.Properties(
                ("name", g.Display("name")),
                ("status", g.Display("status")),
                ("leader", g.Display("leader")),
                ("members", g.Array("members").Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("charter", g.Display("charterHash")),
                ("sunset", g.Display("sunset"))));
            var table = Views.Table("proposal", "title");
            foreach (var d in g.Array("deliverables"))
            {
                table.Row(Views.Short(d.OptionalString("proposal")), d.Display("title"));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }
}
