using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Anchors;

/// <summary>GET /anchors (the look-up form; ?digest= goes to the anchor) and /anchors/{digest}.</summary>
internal static class AnchorRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/anchors", (string? digest, HttpContext context, PageRenderer pages) =>
        {
            if (digest is null)
            {
                return pages.Render<AnchorLookupPage>(context, new AnchorLookupModel(null, null));
            }

            // People paste digests with spaces or in capitals; a SHA-256 is still 64 hex characters.
            var typed = digest.Trim();
            return Hash256.TryParse(typed.ToLowerInvariant(), out var parsed)
                ? Results.Redirect($"/anchors/{parsed}")
                : pages.Render<AnchorLookupPage>(context, new AnchorLookupModel(typed, "anchors.bad-digest"), StatusCodes.Status400BadRequest);
        });

        routes.MapGet("/anchors/{digest}", (string digest, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<AnchorPage, AnchorModel>(context, pages, chain, digest, "anchors.bad-digest-value", "message.no-anchor", AnchorModel.Read));
    }
}
