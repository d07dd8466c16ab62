namespace Roundtable.Consensus;

/// <summary>Timeouts in milliseconds. Round timeouts grow linearly with the round so that a slow network eventually fits.</summary>
/// <param name="BlockIntervalMs">Pause between a commit and the next proposal: the target block time.</param>
public sealed record ConsensusTiming(ulong BlockIntervalMs)
{
    /// <summary>Defaults for a local network.</summary>
    public static ConsensusTiming Default { get; } = new(1000);
}
