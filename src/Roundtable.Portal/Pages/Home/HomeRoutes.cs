using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Home;

/// <summary>GET /: what this network is and where it stands.</summary>
internal static class HomeRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<HomePage>(context, chain.Query(HomeModel.Read)));
}
