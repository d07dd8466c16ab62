using Roundtable.Application;
using Roundtable.Application.Parameters;
using Roundtable.Application.Power;

namespace Roundtable.Portal.Pages.Power;

/// <summary>The power checks (the same report as GET /api/v1/power) with the names the chain gives groups and regions.</summary>
public sealed record PowerModel(PowerReport Report, ChainParameters Parameters)
{
    /// <summary>Reads it from committed state.</summary>
    public static PowerModel Read(LedgerApplication app) => new(app.ReportPower(), app.Parameters);
}
