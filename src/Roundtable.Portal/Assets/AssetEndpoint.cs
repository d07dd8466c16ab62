using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Roundtable.Portal.Assets;

/// <summary>
/// GET /assets/{path}: embedded files with a strong ETag (304 when unchanged). A request naming the
/// current version (?v=) is cached for a year as immutable; an unversioned one (a module a script
/// imports by a fixed name) is revalidated each time, so a node upgrade is never hidden by a cache.
/// </summary>
internal static class AssetEndpoint
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "public, no-cache";

    public static void Map(IEndpointRouteBuilder routes, StaticAssets assets) =>
        routes.MapGet("/assets/{**path}", (string path, string? v, HttpContext context) =>
        {
            if (assets.Find(path) is not { } asset)
            {
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers.ETag = asset.ETag;
            headers.CacheControl = v == asset.Version ? Immutable : Revalidate;
            return context.Request.Headers.IfNoneMatch.Contains(asset.ETag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(asset.Content, asset.ContentType);
        }).ExcludeFromDescription();
}
