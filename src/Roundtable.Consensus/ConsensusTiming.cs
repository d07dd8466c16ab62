namespace Roundtable.Consensus;

/// <summary>
/// Timeouts in milliseconds. Round timeouts grow linearly with the round (base + round × delta),
/// so that after the network stabilises some round is long enough for honest validators to agree.
/// </summary>
public sealed record ConsensusTiming(
    ulong ProposeMs = 1000,
    ulong ProposeDeltaMs = 500,
    ulong VoteMs = 500,
    ulong VoteDeltaMs = 250,
    ulong CommitMs = 1000)
{
    /// <summary>Defaults for a network of real machines.</summary>
    public static ConsensusTiming Default { get; } = new();

    /// <summary>Timing whose commit pause (the block interval) is <paramref name="blockIntervalMs"/>, other timeouts scaled to it.</summary>
    public static ConsensusTiming ForBlockInterval(ulong blockIntervalMs) =>
        new(ProposeMs: Math.Max(3 * blockIntervalMs, 300), ProposeDeltaMs: Math.Max(blockIntervalMs, 100), VoteMs: Math.Max(blockIntervalMs, 200), VoteDeltaMs: Math.Max(blockIntervalMs / 2, 50), CommitMs: blockIntervalMs);

    /// <summary>The timeout of <paramref name="step"/> in <paramref name="round"/>.</summary>
    public ulong For(TimeoutStep step, uint round) => step switch
    {
        TimeoutStep.Propose => ProposeMs + (round * ProposeDeltaMs),
        TimeoutStep.Prevote or TimeoutStep.Precommit => VoteMs + (round * VoteDeltaMs),
        _ => CommitMs,
    };
}
