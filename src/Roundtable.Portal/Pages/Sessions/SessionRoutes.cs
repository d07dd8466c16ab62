using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Sessions;

/// <summary>GET /sessions, /sessions/{id}, /sessions/{id}/room and /sessions/{id}/report.</summary>
internal static class SessionRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sessions", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<SessionListPage>(context, new SessionListModel(chain.Query(app => app.ListSessions(1000)))));

        routes.MapGet("/sessions/{id}", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<SessionPage, SessionModel>(context, pages, chain, id, "message.bad-id", "message.no-session", SessionModel.Read));

        routes.MapGet("/sessions/{id}/room", (string id, string? code, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<SessionRoomPage, SessionRoomModel>(context, pages, chain, id, "message.bad-id", "message.no-session", (app, sessionId) =>
                SessionRoomModel.Read(app, sessionId, code, $"{context.Request.Scheme}://{context.Request.Host}")));

        routes.MapGet("/sessions/{id}/report", (string id, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<SessionReportPage, SessionReportModel>(context, pages, chain, id, "message.bad-id", "message.no-session", (app, sessionId) =>
                app.GetSession(sessionId) is { } s && app.GetSessionReport(sessionId, chain.Disclosed) is { } report ? new SessionReportModel(sessionId, s.Session.Definition.Title, report) : null));
    }
}
