using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Governance proposals: the list, and one proposal with its status, document, ballots and result broken down by group and region; the parameters they govern.</summary>
internal static class GovernanceEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/proposals", (int? limit) =>
        {
            var proposals = chain.Query(app => app.ListProposals(Math.Clamp(limit ?? 100, 1, 1000)));
            return Results.Json(new JsonObject { ["proposals"] = new JsonArray([.. proposals.Select(p => (JsonNode)GovernanceViews.Summary(p))]) });
        }).WithName("ListProposals").WithSummary("Proposals in id order: kind, status, title, document hash, ballots.");

        api.MapGet("/proposals/{id}", (string id) =>
        {
            if (!Hash256.TryParse(id, out var proposalId))
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-proposal-id", "A proposal id is 64 hex characters.");
            }

            var view = chain.Query(app => app.GetProposal(proposalId) is { } proposal
                ? GovernanceViews.Detail(proposal, app.GetProposalTally(proposalId))
                : null);
            return view is null
                ? ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-proposal", $"No proposal {id}.")
                : Results.Json(view);
        }).WithName("GetProposal").WithSummary("One proposal: status, pinned document, rule, ballots count and the count with its breakdown by group and region.");

        api.MapGet("/parameters", () => Results.Json(chain.Query(app => GovernanceViews.Parameters(app.Parameters, app.GovernanceParameters, app.Height))))
            .WithName("GetParameters").WithSummary("The chain parameters and the governance rules in force after the last block: what a parameter-change proposal changes.");
    }
}
