using Roundtable.Application;
using Roundtable.Application.Parameters;
using Roundtable.Application.Power;

namespace Roundtable.Portal.Pages.Home;

/// <summary>What the home page shows: where the chain stands and who runs it.</summary>
public sealed record HomeModel(string ChainId, ulong Height, ulong LatestBlockTimeMs, ChainParameters Parameters, PowerReport Power)
{
    /// <summary>Reads it from committed state.</summary>
    public static HomeModel Read(LedgerApplication app) =>
        new(app.ChainId, app.Height, app.LastBlockTimeMs, app.Parameters, app.ReportPower());
}
