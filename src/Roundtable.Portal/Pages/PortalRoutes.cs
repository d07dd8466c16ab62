using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Pages.Home;

namespace Roundtable.Portal.Pages;

/// <summary>Every page's route, area by area.</summary>
internal static class PortalRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        HomeRoutes.Map(routes);
    }
}
