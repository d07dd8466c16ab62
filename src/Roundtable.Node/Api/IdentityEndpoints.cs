using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Identities from trust services: the trust anchors in force and a member's certificate affiliation. All read committed state.</summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/trust-anchors", () => Results.Json(new JsonObject { ["trustAnchors"] = chain.Query(app => IdentityViews.Anchors(app.Parameters)) }))
            .WithName("ListTrustAnchors").WithSummary("The trust services (root CA certificates) whose certificates may verify members' affiliations, and the groups each vouches for.");

        api.MapGet("/members/{id}/affiliation", (string id) =>
        {
            if (!Hash256.TryParse(id, out var member))
            {
                return ApiProblem.InvalidId("member");
            }

            var view = chain.Query(app => app.GetAffiliation(member) is { } a ? IdentityViews.Affiliation(a, app.LastBlockTimeMs, app.Parameters) : null);
            return view is null ? ApiProblem.Unknown("certificate affiliation of member", id) : Results.Json(view);
        }).WithName("GetMemberAffiliation").WithSummary("A member's affiliation verified by a certificate: the anchor, the organisation it chose to publish, status (verified, expired, revoked) and the certificate's digest.");
    }
}
