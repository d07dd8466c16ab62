using Microsoft.AspNetCore.Routing;
using Roundtable.Portal.Pages.Anchors;
using Roundtable.Portal.Pages.Disputes;
using Roundtable.Portal.Pages.Explorer;
using Roundtable.Portal.Pages.Home;
using Roundtable.Portal.Pages.Members;
using Roundtable.Portal.Pages.Names;
using Roundtable.Portal.Pages.Power;
using Roundtable.Portal.Pages.Practices;
using Roundtable.Portal.Pages.Proposals;
using Roundtable.Portal.Pages.Sessions;
using Roundtable.Portal.Pages.Verify;

namespace Roundtable.Portal.Pages;

/// <summary>Every page's route, area by area.</summary>
internal static class PortalRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        HomeRoutes.Map(routes);
        ExplorerRoutes.Map(routes);
        PowerRoutes.Map(routes);
        ProposalRoutes.Map(routes);
        SessionRoutes.Map(routes);
        AnchorRoutes.Map(routes);
        VerifyRoutes.Map(routes);
        MemberRoutes.Map(routes);
        NameRoutes.Map(routes);
        DisputeRoutes.Map(routes);
        PracticeRoutes.Map(routes);
    }
}
