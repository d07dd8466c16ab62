using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Query;

/// <summary><c>roundtable query proposals</c> and <c>roundtable query proposal ID</c>.</summary>
internal static class ProposalQueries
{
    public static Command Proposals(CliApp app, Option<string?> node)
    {
        var limit = new Option<int>("--limit") { Description = "Most proposals to list (1-1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("proposals", "List governance proposals with their kind, status and ballots") { limit };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new CliException("--limit must be between 1 and 1000.", "invalid-argument");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.ProposalsAsync(n, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
                return CliApp.Ok;
            }

            var table = Views.Table("id", "kind", "status", "method", "ballots", "title");
            foreach (var p in answer.Array("proposals"))
            {
                table.Row(Views.Short(p.OptionalString("id")), p.Display("kind"), p.Display("status"), p.Display("method"), p.Display("ballots"), p.Display("title"));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Proposal(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("ID") { Description = "The proposal id (64 hex characters)" };
        var command = new Command("proposal", "Show a proposal: status, document hash, rule, ballots and the count by group and region") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var proposalId = ParseId(parse.GetValue(id)!);
            using var api = NodeOption.Connect(context, parse, node);
            var proposal = await api.ProposalAsync(proposalId.ToString(), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(proposal);
                return CliApp.Ok;
            }

            context.Write(Views.Properties(
                ("id", proposal.Display("id")),
                ("title", proposal.Display("title")),
                ("kind", proposal.Display("kind")),
                ("status", proposal.Display("status")),
                ("method", proposal.Display("method")),
                ("document hash", proposal.Display("documentHash")),
                ("ballots", proposal.Display("ballots")),
                ("next transition", proposal.Display("nextTransitionAt")),
                ("outcome", proposal.Display("outcome"))));
            if (proposal["result"] is JsonObject result)
            {
                context.Line("Count (by group and region; --json shows every figure):");
                context.Line(result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>A proposal id given on the command line.</summary>
    internal static Hash256 ParseId(string text) =>
        Hash256.TryParse(text.Trim(), out var proposalId)
            ? proposalId
            : throw new CliException($"'{text.Trim()}' is not a proposal id (64 hex characters).", "invalid-proposal-id");
}
