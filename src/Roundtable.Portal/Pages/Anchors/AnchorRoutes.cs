using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
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
        {
            if (!Hash256.TryParse(digest, out var parsed))
            {
                return PortalMessage.Malformed(pages, context, "anchors.bad-digest-value", ("value", digest));
            }

            return chain.Query(app => AnchorModel.Read(app, parsed)) is { } model
                ? pages.Render<AnchorPage>(context, model)
                : PortalMessage.NotFound(pages, context, "message.no-anchor", ("digest", digest));
        });
    }
}
