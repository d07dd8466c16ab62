using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
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
        {
            if (!Hash256.TryParse(id, out var proposalId))
            {
                return PortalMessage.Malformed(pages, context, "message.bad-id", ("value", id));
            }

            return chain.Query(app => ProposalModel.Read(app, proposalId)) is { } model
                ? pages.Render<ProposalPage>(context, model)
                : PortalMessage.NotFound(pages, context, "message.no-proposal", ("id", id));
        });
    }
}
