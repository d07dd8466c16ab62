using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Proposals;

/// <summary>GET /proposals and /proposals/{id}.</summary>
internal static class ProposalRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/proposals", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<ProposalListPage>(context, new ProposalListModel(chain.Query(app => app.ListProposals(1000)))));

        routes.MapGet("/proposals/{id}", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<ProposalPage, ProposalModel>(context, pages, chain, id, "message.bad-id", "message.no-proposal", ProposalModel.Read));
    }
}
