namespace Roundtable.Storage;

/// <summary>Where a transaction is stored: the block height and its position inside the block.</summary>
/// <param name="Height">Height of the block holding the transaction.</param>
/// <param name="Index">Zero-based position of the transaction in that block.</param>
public readonly record struct TxLocation(ulong Height, int Index);
