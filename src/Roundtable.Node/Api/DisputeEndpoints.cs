using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Disputes, their draws, and the roster of arbitrators. All read committed state.</summary>
internal static class DisputeEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/disputes", (int? limit) => Results.Json(chain.Query(app => new JsonObject
            {
                ["disputes"] = new JsonArray([.. app.ListDisputes(Math.Clamp(limit ?? 100, 1, 1000)).Select(d => (JsonNode)DisputeViews.Summary(d))]),
            })))
            .WithName("ListDisputes").WithSummary("Disputes in id order: subject, parties, phase, the next deadline and the remedy ordered (limit 1–1,000, default 100).");

        api.MapGet("/disputes/{id}", (string id) =>
        {
            if (!Hash256.TryParse(id, out var disputeId))
            {
                return ApiProblem.InvalidId("dispute");
            }

            var view = chain.Query(app => app.GetDispute(disputeId) is { } dispute ? DisputeViews.Detail(dispute, app.ListStatements(disputeId)) : null);
            return view is null ? ApiProblem.Unknown("dispute", id) : Results.Json(view);
        }).WithName("GetDispute").WithSummary("One dispute: claim, rules, panel, deadlines, statements, decision, appeal and remedy.");

        api.MapGet("/disputes/{id}/draw", (string id) =>
        {
            if (!Hash256.TryParse(id, out var disputeId))
            {
                return ApiProblem.InvalidId("dispute");
            }

            var view = chain.Query(app => app.GetDispute(disputeId)?.Dispute is { Panel: not null } dispute
                ? DisputeViews.Draw(dispute, [.. app.Parameters.StakeholderGroups.Select(g => g.Id)])
                : null);
            return view is null
                ? ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-draw", $"No dispute {id} with a drawn panel.")
                : Results.Json(view);
        }).WithName("GetDisputeDraw").WithSummary("The panel draw redone from the dispute record: the seed block, every candidate's score in draw order, the first panel and the panel now. Check the seed against the block header.");

        api.MapGet("/arbitrators", () => Results.Json(chain.Query(app => new JsonObject
            {
                ["arbitrators"] = new JsonArray([.. app.ListArbitrators().Select(a => (JsonNode)new JsonObject
                {
                    ["member"] = a.Member.ToString(),
                    ["sinceHeight"] = a.SinceHeight,
                })]),
                ["rules"] = DisputeViews.Rules(app.Parameters.DisputeRulesInForce),
            })))
            .WithName("ListArbitrators").WithSummary("The roster of volunteer arbitrators from which panels are drawn, and the dispute rules in force.");
    }
}
