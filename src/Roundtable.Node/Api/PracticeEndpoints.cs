using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application.DataPractices;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>The data-practice register: filtered list, map figures, one statement, a version's document, whole-register exports. All read committed state.</summary>
internal static class PracticeEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/practices", (string? region, string? legalBasis, string? category, bool? includeWithdrawn) =>
        {
            var filter = new PracticeFilter(Blank(region), Blank(legalBasis), Blank(category), includeWithdrawn ?? false);
            var problem = chain.Query(app => filter.Problem(app.Parameters.Regions.Select(r => r.Id)));
            return problem is not null
                ? ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-filter", problem)
                : Results.Json(chain.Query(app => new JsonObject
                {
                    ["statements"] = new JsonArray([.. app.ListPracticeStatements(filter).Select(e => (JsonNode)PracticeViews.Entry(app, e))]),
                }));
        }).WithName("ListPracticeStatements").WithSummary("Practice statements in force (or all, with includeWithdrawn=true), filtered by a region they store or process data in, a legal basis, a data category.");

        api.MapGet("/practices/map", () => Results.Json(chain.Query(PracticeViews.Map)))
            .WithName("GetPracticeMap").WithSummary("For each region, how many organisations store and how many process data there, over statements in force.");

        api.MapGet("/practices/export.json", () => Results.Json(chain.Query(PracticeViews.Export)))
            .WithName("ExportPracticesJson").WithSummary("The whole register, withdrawn statements included, each with every version, its comments and disputes.");

        api.MapGet("/practices/export.csv", () => Results.Text(
                chain.Query(PracticeViews.ExportCsv), "text/csv; charset=utf-8; header=present", Encoding.UTF8))
            .WithName("ExportPracticesCsv").WithSummary("The whole register as RFC 4180 CSV, one row per version (columns in docs/data-practices.md).");

        api.MapGet("/practices/{digest}", (string digest) => ByDigest(chain, digest, static (app, id) =>
                app.GetPracticeStatement(id) is { } history ? Results.Json(PracticeViews.History(app, history)) : null))
            .WithName("GetPracticeStatement").WithSummary("A statement, by its id or any version's digest: every version with its anchor, comments, disputes.");

        api.MapGet("/practices/versions/{digest}/document", (string digest) => ByDigest(chain, digest, static (app, id) =>
                app.GetPracticeVersion(id) is { } version ? Results.Bytes(version.Document.ToBytes(), "application/vnd.roundtable.practice-statement") : null))
            .WithName("GetPracticeDocument").WithSummary("The bytes the notary anchored for a version: their SHA-256 is the version's digest.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The answer <paramref name="read"/> makes for <paramref name="digest"/>; 400 for a malformed digest, 404 when no statement has it.</summary>
    private static IResult ByDigest(ChainState chain, string digest, Func<Application.LedgerApplication, Hash256, IResult?> read)
    {
        if (!Hash256.TryParse(digest, out var id))
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-digest", "A statement or version is named by its digest: 64 hex characters.");
        }

        return chain.Query(app => read(app, id))
            ?? ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-practice-statement", $"No practice statement version has digest {digest}.");
    }
}
