using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Power;

/// <summary>GET /power: the power dashboard.</summary>
internal static class PowerRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/power", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<PowerPage>(context, chain.Query(PowerModel.Read)));
}
