using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Names;

/// <summary>GET /names (every co-governed zone and its names) and /names/{name} (one name and its records).</summary>
internal static class NameRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/names", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<NameListPage>(context, chain.Query(NamesModel.Read) with { DnsEndPoint = chain.DnsEndPoint }));

        // Like a record id: a name that cannot be one is 400 with what it should be, a name nobody holds 404.
        routes.MapGet("/names/{name}", (string name, HttpContext context, PageRenderer pages, IChainReader chain) =>
        {
            if (NameModel.Normalize(name) is not { } absolute)
            {
                return PortalMessage.Malformed(pages, context, "message.bad-name", ("value", name));
            }

            return chain.Query(app => NameModel.Read(app, absolute)) is { } model
                ? pages.Render<NamePage>(context, model)
                : PortalMessage.NotFound(pages, context, "message.no-name", ("name", absolute));
        });
    }
}
