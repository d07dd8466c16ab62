using Roundtable.Core.Hashing;

namespace Roundtable.Application.Execution;

/// <summary>The outcome of executing a block: one result per transaction and the new state root.</summary>
/// <param name="Height">The executed height.</param>
/// <param name="Results">Results in transaction order.</param>
/// <param name="StateRoot">Root after the block.</param>
public sealed record BlockExecutionResult(ulong Height, IReadOnlyList<TxResult> Results, Hash256 StateRoot);
