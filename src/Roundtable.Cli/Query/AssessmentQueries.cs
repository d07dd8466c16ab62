using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary><c>roundtable query assessment ID</c>: the majority grade of each criterion, overall, balanced and per group.</summary>
internal static class AssessmentQueries
{
    public static Command Assessment(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("ID") { Description = "The assessment proposal's id (64 hex characters)" };
        var command = new Command("assessment", "Show an assessment's result: the majority grade of each criterion overall, balanced (every group weighs the same) and per group") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var proposalId = ProposalQueries.ParseId(parse.GetValue(id)!);
            using var api = NodeOption.Connect(context, parse, node);
            var proposal = await api.ProposalAsync(proposalId.ToString(), ct).ConfigureAwait(false);
            if (proposal.OptionalString("kind") != "assessment")
            {
                throw new CliException($"Proposal {proposalId} is a {proposal.Display("kind")}, not an assessment.", "not-an-assessment");
            }

            var result = proposal["result"]?["assessment"];
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["proposal"] = proposalId.ToString(), ["status"] = proposal.Display("status"), ["assessment"] = result?.DeepClone() });
                return CliApp.Ok;
            }

            context.Write(Views.Properties(
                ("assessment", proposal.Display("title")),
                ("status", proposal.Display("status")),
                ("subject", proposal["action"].Display("subject")),
                ("criteria list", proposal["action"].Display("criteriaList")),
                ("graded by", result is null ? "nobody yet (voting has not opened)" : $"{result.Display("voters")} elector(s) in {result.Display("groupsCounted")} group(s)"),
                ("result that counts", result.Display("counts"))));
            if (result is null)
            {
                return CliApp.Ok;
            }

            var groups = result.Array("criteria").FirstOrDefault()?["byGroup"] is JsonObject byGroup ? byGroup.Select(g => g.Key).ToArray() : [];
            var table = Views.Table(["criterion", "ballots per grade", "overall", "balanced", .. groups]);
            foreach (var criterion in result.Array("criteria"))
            {
                table.Row([
                    criterion.Display("name"),
                    string.Join(" ", criterion.Array("counts").Select(n => n?.ToJsonString())),
                    Grade(criterion?["overall"]),
                    Grade(criterion?["balanced"]),
                    .. groups.Select(g => criterion?["byGroup"]?[g].OptionalString("name") ?? "-"),
                ]);
            }

            context.Write(table);
            context.Line("A majority grade is the lower median; the shares above (+) and below (-) it are exact fractions.");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Grade(JsonNode? grade) =>
        grade.OptionalString("name") is { } name
            ? $"{name} (+{grade?["above"].OptionalString("exact")} -{grade?["below"].OptionalString("exact")})"
            : "-";
}
