using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application.Power;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>
/// GET /api/v1/power: the power checks. Exact fractions are "p/q" strings; "percent" fields are
/// fixed two-digit displays of them, never to be computed with.
/// </summary>
internal static class PowerEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/power", () =>
        {
            // Proposals are not on chain yet: the proposals module will supply their participation here.
            var report = chain.ReportPower();
            return Results.Json(View(report));
        }).WithName("GetPower").WithSummary("Voting power per validator, stakeholder group and region, Nakamoto coefficients, verified members, proposal and vote shares, turnout.");

        api.MapGet("/validators/accountability", () => Results.Json(new JsonObject
        {
            ["validators"] = new JsonArray([.. chain.ReportAccountability().Select(a => (JsonNode)new JsonObject
            {
                ["validator"] = a.Validator.ToString(),
                ["name"] = a.Suspension.ValidatorName,
                ["stakeholderGroup"] = a.Suspension.StakeholderGroup,
                ["suspended"] = a.Suspension.Applied,
                ["recordedHeight"] = a.Suspension.RecordedHeight,
                ["withoutItFromHeight"] = a.Suspension.Applied ? a.Suspension.EffectiveHeight : null,
                ["outcome"] = a.Suspension.Note,
                ["inCurrentSet"] = a.InCurrentSet,
                ["evidence"] = new JsonArray([.. a.Evidence.Select(e => (JsonNode)new JsonObject
                {
                    ["hash"] = e.Hash.ToString(),
                    ["height"] = e.First.Height,
                    ["round"] = e.First.Round,
                    ["step"] = e.First.Type.ToString().ToLowerInvariant(),
                    ["blocks"] = new JsonArray(e.First.BlockId.ToString(), e.Second.BlockId.ToString()),
                })]),
            })]),
        })).WithName("GetValidatorAccountability").WithSummary("Validators suspended (or marked) for signing conflicting votes, with the evidence.");
    }

    private static JsonObject View(PowerReport r) => new()
    {
        ["height"] = r.Height,
        ["totalPower"] = r.TotalPower,
        ["rules"] = new JsonObject
        {
            ["halt"] = PowerThreshold.HaltRule,
            ["commit"] = PowerThreshold.CommitRule,
        },
        ["validators"] = new JsonArray([.. r.Validators.Select(v => (JsonNode)new JsonObject
        {
            ["name"] = v.Name,
            ["address"] = v.Address.ToString(),
            ["stakeholderGroup"] = v.Group,
            ["region"] = v.Region,
            ["power"] = v.Power,
            ["share"] = v.Fraction.ToString(),
            ["percent"] = v.Percent,
        })]),
        ["powerByGroup"] = Shares(r.PowerByGroup, "power"),
        ["powerByRegion"] = Shares(r.PowerByRegion, "power"),
        ["nakamoto"] = new JsonObject
        {
            ["operators"] = Nakamoto(r.Operators),
            ["stakeholderGroups"] = Nakamoto(r.Groups),
            ["regions"] = Nakamoto(r.Regions),
        },
        ["members"] = new JsonObject
        {
            ["verified"] = r.VerifiedMembers,
            ["byGroup"] = Shares(r.MembersByGroup, "members"),
            ["byRegion"] = Shares(r.MembersByRegion, "members"),
        },
        ["participation"] = new JsonObject
        {
            ["proposals"] = r.Participation.Proposals,
            ["proposalsByGroup"] = Shares(r.Participation.ProposalsByGroup, "proposals"),
            ["votesByGroup"] = Shares(r.Participation.VotesByGroup, "votes"),
            ["turnout"] = new JsonArray([.. r.Participation.Turnout.Select(t =>
            {
                var view = Turnout(t.Total);
                view["proposal"] = t.Id.ToString();
                view["authorGroup"] = t.AuthorGroup;
                view["byGroup"] = new JsonArray([.. t.ByGroup.Select(g => (JsonNode)Turnout(g))]);
                return (JsonNode)view;
            })]),
        },
    };

    private static JsonArray Shares(IReadOnlyList<Share> shares, string amount) =>
        new([.. shares.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            [amount] = s.Amount,
            ["share"] = s.Fraction.ToString(),
            ["percent"] = s.Percent,
        })]);

    private static JsonObject Nakamoto(NakamotoCoefficient n) => new()
    {
        ["toHalt"] = n.ToHalt,
        ["toCommit"] = n.ToCommit,
        ["largest"] = new JsonArray([.. n.Largest.Select(name => (JsonNode)name)]),
    };

    private static JsonObject Turnout(Turnout t) => new()
    {
        ["name"] = t.Name,
        ["electors"] = t.Electors,
        ["voters"] = t.Voters,
        ["turnout"] = t.Fraction.ToString(),
        ["percent"] = t.Percent,
    };
}
