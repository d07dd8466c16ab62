using Roundtable.Ledger.Blocks;

namespace Roundtable.Consensus;

/// <summary>Where the chain stands when the engine starts: the last decided block and its commit.</summary>
/// <param name="Height">Height of the last committed block (0 before the first).</param>
/// <param name="LastCommit">The commit of that block, or null at height 0.</param>
/// <param name="LastBlockTimeMs">BFT time of that block (genesis time at height 0).</param>
public sealed record ChainTip(ulong Height, Commit? LastCommit, ulong LastBlockTimeMs);
