using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Verify;

/// <summary>GET /verify: the page where a document and its proof are checked in the browser.</summary>
internal static class VerifyRoutes
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/verify", (HttpContext context, PageRenderer pages, IChainReader chain) =>
            pages.Render<VerifyPage>(context, new VerifyModel(chain.GenesisHash)));
}

/// <summary>The verify page's one fact from the node: the genesis hash to trust by default.</summary>
public sealed record VerifyModel(Hash256 GenesisHash);
