using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Portal.Assets;
using Roundtable.Portal.Localization;
using Roundtable.Portal.Pages;

namespace Roundtable.Portal.Hosting;

/// <summary>
/// Renders a page component on the server (static rendering: plain HTML, no circuit, no script)
/// with the reader's language and the page's data, and the status the data calls for.
/// </summary>
public sealed class PageRenderer(LanguageChooser chooser, LanguageCatalog catalog, StaticAssets assets)
{
    /// <summary>The page <typeparamref name="TPage"/> showing <paramref name="model"/>.</summary>
    public IResult Render<TPage>(HttpContext context, object model, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var page = PageContext.For(context, chooser.Choose(context), catalog, assets);

        // Pages follow the chain and the reader's language: always revalidate, and tell caches what varies.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Vary = "Accept-Language, Cookie";
        return new RazorComponentResult<TPage>(new Dictionary<string, object?>
        {
            [nameof(PortalPage<object>.Page)] = page,
            [nameof(PortalPage<object>.Model)] = model,
        })
        {
            StatusCode = status,
            PreventStreamingRendering = true,
        };
    }
}
