using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>A verified snapshot: the state after applying block <paramref name="Height"/>.</summary>
/// <param name="Height">Height of the last block applied to the state.</param>
/// <param name="StateRoot">The state root recorded with the snapshot (the node checks it against the header).</param>
/// <param name="EntryCount">Number of key/value entries.</param>
/// <param name="FilePath">Full path of the snapshot file.</param>
/// <param name="FileLength">Size of the file in bytes.</param>
public sealed record SnapshotInfo(ulong Height, Hash256 StateRoot, long EntryCount, string FilePath, long FileLength);
