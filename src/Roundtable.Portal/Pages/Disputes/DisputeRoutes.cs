using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Disputes;

/// <summary>GET /disputes (every dispute and where it stands) and /disputes/{id} (one dispute, phase by phase).</summary>
internal static class DisputeRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/disputes", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<DisputeListPage>(context, chain.Query(DisputeListModel.Read)));

        routes.MapGet("/disputes/{id}", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<DisputePage, DisputeModel>(context, pages, chain, id, "message.bad-id", "message.no-dispute", DisputeModel.Read));
    }
}
