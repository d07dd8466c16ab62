using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Sessions;

/// <summary>GET /sessions, /sessions/{id} and /sessions/{id}/report.</summary>
internal static class SessionRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sessions", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<SessionListPage>(context, new SessionListModel(chain.Query(app => app.ListSessions(1000)))));

        routes.MapGet("/sessions/{id}", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            BySession(id, context, pages, chain, (app, sessionId) => SessionModel.Read(app, sessionId), pages.Render<SessionPage>));

        routes.MapGet("/sessions/{id}/report", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            BySession(id, context, pages, chain, (app, sessionId) =>
                app.GetSession(sessionId) is { } s && app.GetSessionReport(sessionId) is { } report ? new SessionReportModel(sessionId, s.Session.Definition.Title, report) : null,
                pages.Render<SessionReportPage>));
    }

    /// <summary>The page <paramref name="render"/> makes of what <paramref name="read"/> finds for session <paramref name="id"/>; a plain message for a malformed or unknown id.</summary>
    private static IResult BySession<TModel>(
        string id, HttpContext context, PageRenderer pages, IChainReader chain,
        Func<Application.LedgerApplication, Hash256, TModel?> read, Func<HttpContext, object, int, IResult> render)
        where TModel : class
    {
        if (!Hash256.TryParse(id, out var sessionId))
        {
            return PortalMessage.Malformed(pages, context, "message.bad-id", ("value", id));
        }

        return chain.Query(app => read(app, sessionId)) is { } model
            ? render(context, model, StatusCodes.Status200OK)
            : PortalMessage.NotFound(pages, context, "message.no-session", ("id", id));
    }
}
