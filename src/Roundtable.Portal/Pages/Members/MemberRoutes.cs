using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Members;

/// <summary>GET /join, /members and /members/{id}.</summary>
internal static class MemberRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/join", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<JoinPage>(context, new JoinModel(chain.Query(app => app.Parameters))));

        routes.MapGet("/members", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<MemberListPage>(context, chain.Query(MemberListModel.Read)));

        routes.MapGet("/members/{id}", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<MemberPage, MemberModel>(context, pages, chain, id, "message.bad-id", "message.no-member", (app, memberId) => MemberModel.Read(app, memberId, chain.Disclosed)));
    }
}
