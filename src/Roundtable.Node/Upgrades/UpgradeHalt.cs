using System.Globalization;
using Roundtable.Application.Governance.Proposals;

namespace Roundtable.Node.Upgrades;

/// <summary>
/// Why this node must not commit past an approved upgrade's halt height: the plan, and the build
/// that is running instead of the approved one.
/// </summary>
/// <param name="Plan">The approved upgrade.</param>
/// <param name="Running">This process's build.</param>
public sealed record UpgradeHalt(UpgradePlan Plan, ReleaseIdentity Running)
{
    /// <summary>
    /// The halt that applies at <paramref name="height"/> (the last committed block), or null: a
    /// node goes past the halt height only when it runs the approved build.
    /// </summary>
    public static UpgradeHalt? Check(UpgradePlan? plan, ulong height, ReleaseIdentity running) =>
        plan is not null && height >= plan.HaltHeight && plan.VersionHash != running.Hash ? new UpgradeHalt(plan, running) : null;

    /// <summary>What the operator reads: which release to install, and what is running now.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"the chain approved an upgrade to {Plan.Version} (release SHA-256 {Plan.VersionHash}) at height {Plan.HaltHeight} (proposal {Plan.Proposal.ToShortString()}); this node runs {Running.Version} (release SHA-256 {Running.Hash}) and stops there. Install release {Plan.Version} and start it on the same home to continue; 'roundtable version' prints a build's hash.");
}
