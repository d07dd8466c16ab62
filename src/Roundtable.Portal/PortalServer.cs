using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Portal.Assets;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Localization;
using Roundtable.Portal.Pages;
using Roundtable.Portal.Pages.Messages;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal;

/// <summary>
/// The web portal, served by the node at / beside its API (which keeps /api/v1). The node calls
/// <see cref="AddPortal"/> while building its web application and <see cref="MapPortal"/> after.
/// </summary>
public static class PortalServer
{
    /// <summary>
    /// Registers what the portal needs: the chain it reads, its languages (those shipped, and any
    /// file in <paramref name="languagesDirectory"/>), assets and the static renderer.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IChainReader chain, string? languagesDirectory = null)
    {
        services.AddSingleton(chain);
        services.AddSingleton(LanguageCatalog.Load(languagesDirectory));
        services.AddSingleton<LanguageChooser>();
        services.AddSingleton(StaticAssets.Load());
        services.AddSingleton<PageRenderer>();
        services.AddRazorComponents();

        // Encode only what HTML needs (<, >, &, quotes): French and other scripts stay readable and small.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Maps the pages and assets. Everything outside /api gets the security headers, compression and
    /// an HTML not-found page; /api keeps its JSON problems.
    /// </summary>
    public static void MapPortal(this WebApplication app)
    {
        app.UseWhen(context => !IsApi(context.Request), portal =>
        {
            portal.Use((context, next) =>
            {
                SecurityHeaders.AddTo(context.Response);
                return next(context);
            });
            portal.UseResponseCompression();
            portal.UseStatusCodePages(async status =>
            {
                var context = status.HttpContext;
                if (context.Response.StatusCode != StatusCodes.Status404NotFound)
                {
                    return; // other statuses keep the API's problem answer
                }

                var pages = context.RequestServices.GetRequiredService<PageRenderer>();
                await PortalMessage.NotFound(pages, context, "message.no-page", ("path", context.Request.Path.ToString()))
                    .ExecuteAsync(context).ConfigureAwait(false);
            });
        });

        AssetEndpoint.Map(app, app.Services.GetRequiredService<StaticAssets>());
        PortalRoutes.Map(app);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
