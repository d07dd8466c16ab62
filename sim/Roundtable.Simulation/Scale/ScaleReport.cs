using System.Globalization;

namespace Roundtable.Simulation;

/// <summary>Median and 99th percentile (nearest rank) of a sample, in ms; <see cref="Count"/> is the sample size.</summary>
public sealed record Percentiles(int Count, ulong Median, ulong P99)
{
    /// <summary>Nearest-rank percentiles in integers: the value at rank ⌈p·n/100⌉ of the sorted sample.</summary>
    public static Percentiles Of(IEnumerable<ulong> sample)
    {
        var sorted = sample.Order().ToArray();
        return sorted.Length == 0 ? new Percentiles(0, 0, 0) : new Percentiles(sorted.Length, sorted[Rank(50, sorted.Length)], sorted[Rank(99, sorted.Length)]);
    }

    private static int Rank(int percent, int count) => Math.Max(0, ((percent * count) + 99) / 100 - 1);
}

/// <summary>
/// What a scale run measured over the heights every honest node reached. Block time is the mean
/// interval between the first commits of consecutive heights; finality runs from a transaction's
/// submission to its commit at the full node it was submitted to (what its client sees), and to
/// its commit at the last honest node; messages are every message put on a link (votes,
/// proposals, relays, status, catch-up, evidence, transactions), delivered ones reached a node.
/// </summary>
public sealed record ScaleReport(
    int Heights,
    ulong MeanBlockTimeMs,
    long RoundsPerHeightHundredths,
    uint MaxRound,
    int Submitted,
    Percentiles AtSubmitter,
    Percentiles AtAllHonest,
    long SentPerBlock,
    long DeliveredPerBlock,
    long ConsensusBytesPerBlock,
    long SignaturesVerified,
    long SignaturesRemembered)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
          heights {Heights}, block time {MeanBlockTimeMs} ms (mean), rounds per height {RoundsPerHeightHundredths / 100}.{RoundsPerHeightHundredths % 100:D2} (max round {MaxRound})
          finality at the submitting node: median {AtSubmitter.Median} ms, p99 {AtSubmitter.P99} ms ({AtSubmitter.Count} of {Submitted} transactions)
          finality at every honest node:   median {AtAllHonest.Median} ms, p99 {AtAllHonest.P99} ms ({AtAllHonest.Count} transactions)
          messages per block: {SentPerBlock} sent, {DeliveredPerBlock} delivered; votes and proposals {ConsensusBytesPerBlock / 1024} KiB sent per block
          signature checks: {SignaturesVerified} verified, {SignaturesRemembered} answered from the memo
        """);
}
