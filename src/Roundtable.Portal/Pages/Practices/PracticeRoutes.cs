using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application.DataPractices;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Practices;

/// <summary>GET /practices (the map and the filtered list, filters as plain query parameters) and /practices/{digest} (one statement).</summary>
internal static class PracticeRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/practices", (string? region, string? basis, string? category, HttpContext context, PageRenderer pages, IChainReader chain) =>
        {
            var model = chain.Query(app => PracticesModel.Read(app, new PracticeFilter(Chosen(region), Chosen(basis), Chosen(category))));
            return pages.Render<PracticeListPage>(context, model, model.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        });

        routes.MapGet("/practices/{digest}", (string digest, HttpContext context, PageRenderer pages, IChainReader chain) =>
            RecordPage.Show<PracticePage, PracticeModel>(context, pages, chain, digest, "practice.bad-digest", "message.no-practice", PracticeModel.Read));
    }

    /// <summary>A filter as the form sends it: empty means "any".</summary>
    private static string? Chosen(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
