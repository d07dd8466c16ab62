namespace Roundtable.Mempool;

/// <summary>Bounds of the mempool, so a flood cannot exhaust a node's memory.</summary>
/// <param name="MaxTransactions">Most transactions waiting.</param>
/// <param name="MaxBytes">Most encoded bytes waiting.</param>
/// <param name="MaxPerSender">Most transactions waiting from one key.</param>
public sealed record MempoolOptions(int MaxTransactions = 50_000, long MaxBytes = 64L * 1024 * 1024, int MaxPerSender = 256);
