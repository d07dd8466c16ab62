using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Sessions (with polls and the Markdown report) and working groups.</summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/sessions", (int? limit) =>
        {
            var sessions = chain.ListSessions(Math.Clamp(limit ?? 100, 1, 1000));
            return Results.Json(new JsonObject { ["sessions"] = new JsonArray([.. sessions.Select(s => (JsonNode)SessionViews.Summary(s))]) });
        }).WithName("ListSessions").WithSummary("Sessions (workshops, round tables) by id.");

        api.MapGet("/sessions/{id}", (string id) =>
        {
            if (!Hash256.TryParse(id, out var sessionId))
            {
                return ApiProblem.InvalidId("session");
            }

            var session = chain.Query(app => app.GetSession(sessionId) is { } s ? SessionViews.Detail(s, c => app.ViewPersonalField(c, chain.Disclosed)) : null);
            return session is null ? ApiProblem.Unknown("session", id) : Results.Json(session);
        }).WithName("GetSession").WithSummary("A session: programme, check-ins, polls with the outcomes of closed ones, objections and minority views.");

        api.MapGet("/sessions/{id}/report", (string id) =>
        {
            if (!Hash256.TryParse(id, out var sessionId))
            {
                return ApiProblem.InvalidId("session");
            }

            var report = chain.GetSessionReport(sessionId);
            return report is null ? ApiProblem.Unknown("session", id) : Results.Text(report, "text/markdown; charset=utf-8");
        }).WithName("GetSessionReport").WithSummary("The session report in Markdown, generated from the record.");

        api.MapGet("/working-groups", (int? limit) =>
        {
            var groups = chain.ListWorkingGroups(Math.Clamp(limit ?? 100, 1, 1000));
            return Results.Json(new JsonObject { ["workingGroups"] = new JsonArray([.. groups.Select(g => (JsonNode)SessionViews.WorkingGroup(g))]) });
        }).WithName("ListWorkingGroups").WithSummary("Working groups by id.");

        api.MapGet("/working-groups/{id}", (string id) =>
        {
            if (!Hash256.TryParse(id, out var groupId))
            {
                return ApiProblem.InvalidId("working-group");
            }

            var group = chain.GetWorkingGroup(groupId);
            return group is null ? ApiProblem.Unknown("working-group", id) : Results.Json(SessionViews.WorkingGroup(group));
        }).WithName("GetWorkingGroup").WithSummary("A working group: charter, leader, members, deliverables, status and sunset.");
    }
}
