namespace Roundtable.Proofs.LightClient;

/// <summary>How a light client decides.</summary>
public sealed record LightClientOptions
{
    /// <summary>Two weeks, as CometBFT's default: shorter than any period in which a former validator's signature could go unpunished.</summary>
    public const ulong DefaultTrustingPeriodMs = 14UL * 24 * 3_600_000;

    /// <summary>How old the trusted header may be when the client builds on it.</summary>
    public ulong TrustingPeriodMs { get; init; } = DefaultTrustingPeriodMs;

    /// <summary>How far a header's time may run ahead of the client's clock.</summary>
    public ulong MaxClockDriftMs { get; init; } = 10_000;

    /// <summary>Verify every header instead of skipping (slower; needs no 1/3 overlap between sets).</summary>
    public bool Sequential { get; init; }
}
