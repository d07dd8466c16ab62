namespace Roundtable.Node.Upgrades;

/// <summary>The node reached an approved upgrade's halt height and does not run the approved build.</summary>
public sealed class UpgradeRequiredException(UpgradeHalt halt) : Exception(halt.Message)
{
    /// <summary>The halt: the plan and the running build.</summary>
    public UpgradeHalt Halt { get; } = halt;
}
