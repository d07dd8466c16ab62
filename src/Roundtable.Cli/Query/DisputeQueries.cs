using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Application.Disputes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Query;

/// <summary><c>query disputes</c>, <c>query dispute</c> and <c>query dispute-draw</c> (which redoes the draw from the chain and says whether it checks out).</summary>
internal static class DisputeQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) => [List(app, node), One(app, node), Draw(app, node)];

    private static Command List(CliApp app, Option<string?> node)
    {
        var command = new Command("disputes", "Disputes: subject, phase and the next deadline");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.DisputesAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
                return CliApp.Ok;
            }

            foreach (var d in answer.Array("disputes"))
            {
                context.Line($"{d.Display("id")}  {d.Display("phase"),-15} {Subject(d!["subject"])}  next deadline {d.Display("nextDeadline")}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command One(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("dispute") { Description = "The dispute's id" };
        var command = new Command("dispute", "One dispute: claim, panel, deadlines, statements, decision, appeal and remedy") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var d = await api.DisputeAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(d);
                return CliApp.Ok;
            }

            context.Line($"Dispute {d.Display("id")} about {Subject(d["subject"])}: {d.Display("phase")}");
            context.Line($"Claimant {d.Display("claimant")}, respondent {d.Display("respondent")}");
            context.Line($"Claim: {d.Display("claim")}");
            if (d["panel"] is JsonObject panel)
            {
                context.Line($"Panel ({panel.Array("members").Count}): {string.Join(", ", panel.Array("members").Select(m => (string?)m))}");
            }

            foreach (var s in d.Array("statements"))
            {
                context.Line($"Statement by the {s.Display("role")} at height {s.Display("height")}: {s.Display("text")}");
            }

            if (d["decision"] is JsonObject decision)
            {
                context.Line($"Decision at height {decision.Display("height")}: {decision["remedy"]!.Display("kind")}. {decision.Display("rationale")}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Draw(CliApp app, Option<string?> node)
    {
        var id = new Argument<string>("dispute") { Description = "The dispute's id" };
        var command = new Command("dispute-draw", "Redo a dispute's panel draw here from the seed block's header and the recorded candidates, and say whether it checks out") { id };
        app.SetAction(command, async (context, parse, ct) =>
        {
            if (!Hash256.TryParse(parse.GetValue(id), out var dispute))
            {
                throw new CliException("the dispute id is 64 hex characters.", "usage");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var draw = await api.DisputeDrawAsync(dispute.ToString(), ct).ConfigureAwait(false);
            var block = await api.BlockAsync(draw.UInt64("seedHeight"), ct).ConfigureAwait(false);
            var seed = Hash256.Parse(draw.String("seedBlockId"));
            var candidates = draw.Array("order").Select(c => new Candidate(Hash256.Parse(c.Display("member")), c.Display("group"))).ToList();
            var first = PanelDraw.Seat(dispute, seed, candidates, [.. draw.Array("groups").Select(g => (string)g!)], (uint)draw.UInt64("panelSize"));
            var seedMatches = block.String("id") == seed.ToString();
            var panelMatches = first.Select(m => m.ToString()).SequenceEqual(draw.Array("firstPanel").Select(m => (string?)m));
            var result = new JsonObject { ["seedMatchesBlock"] = seedMatches, ["panelMatches"] = panelMatches, ["firstPanel"] = new JsonArray([.. first.Select(m => (JsonNode)m.ToString())]) };
            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                context.Line(seedMatches && panelMatches
                    ? $"The draw checks out: block {draw.UInt64("seedHeight")}'s id seeds it, and the first panel follows from it and the {candidates.Count} candidate(s)."
                    : $"The draw does NOT check out (seed matches the block: {seedMatches}; panel matches: {panelMatches}).");
            }

            return seedMatches && panelMatches ? CliApp.Ok : 1;
        });
        return command;
    }

    private static string Subject(JsonNode? subject) =>
        subject.Display("kind") == "name" ? $"name {subject.Display("label")}.{subject.Display("zone")}" : $"{subject.Display("kind")} {subject.Display("id")}";
}
