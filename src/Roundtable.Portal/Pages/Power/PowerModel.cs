using Roundtable.Application;
using Roundtable.Application.Parameters;
using Roundtable.Application.Power;
using Roundtable.Application.Validators;

namespace Roundtable.Portal.Pages.Power;

/// <summary>
/// The power checks (the same report as GET /api/v1/power) with the names the chain gives groups
/// and regions, and the validators the equivocation rule acted on (GET /api/v1/validators/accountability).
/// </summary>
public sealed record PowerModel(PowerReport Report, ChainParameters Parameters, IReadOnlyList<ValidatorAccountability> Accountability)
{
    /// <summary>Reads it from committed state.</summary>
    public static PowerModel Read(LedgerApplication app) => new(app.ReportPower(), app.Parameters, app.ReportAccountability());
}
