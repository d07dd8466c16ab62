using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Notary anchors: by digest, by member, and their lineage. All read committed state.</summary>
internal static class NotaryEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/anchors/{digest}", (string digest) => ByDigest(chain, digest, static (app, id) => app.GetAnchor(id) is { } anchor ? NotaryViews.Anchor(anchor) : null))
            .WithName("GetAnchor").WithSummary("The anchor of a document by its SHA-256: who anchored it when, its metadata, co-signers with their groups and regions, status.");

        api.MapGet("/anchors/{digest}/lineage", (string digest) => ByDigest(chain, digest, static (app, id) => app.GetAnchorLineage(id) is { } lineage ? NotaryViews.Lineage(lineage) : null))
            .WithName("GetAnchorLineage").WithSummary("An anchor's ancestors (what it is a version of or derived from) and descendants, breadth first and bounded.");

        api.MapGet("/members/{id}/anchors", (string id, int? limit) =>
        {
            if (!Hash256.TryParse(id, out var member))
            {
                return ApiProblem.InvalidId("member");
            }

            var view = chain.Query(app => app.GetMember(member) is null
                ? null
                : NotaryViews.MemberAnchors(member.ToString(), app.ListMemberAnchors(member, Math.Clamp(limit ?? 100, 1, 1000))));
            return view is null ? ApiProblem.Unknown("member", id) : Results.Json(view);
        }).WithName("ListMemberAnchors").WithSummary("Anchors a member authored or co-signed, by digest, with the member's role.");
    }

    /// <summary>The view <paramref name="read"/> makes of the anchor of <paramref name="digest"/> in committed state; 400 for a malformed digest, 404 when it is not anchored.</summary>
    private static IResult ByDigest(ChainState chain, string digest, Func<LedgerApplication, Hash256, JsonObject?> read)
    {
        if (!Hash256.TryParse(digest, out var id))
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-digest", "A document digest is its SHA-256: 64 hex characters.");
        }

        var view = chain.Query(app => read(app, id));
        return view is null
            ? ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-anchor", $"No document with digest {digest} is anchored.")
            : Results.Json(view);
    }
}
