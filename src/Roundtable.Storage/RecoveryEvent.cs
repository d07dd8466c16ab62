using System.Globalization;

namespace Roundtable.Storage;

/// <summary>
/// Something the storage layer repaired or skipped while opening or loading, returned as data so
/// that the caller logs it (the storage layer has no logger). Match on the concrete type for
/// details; <see cref="Message"/> is a complete sentence for a log line.
/// </summary>
/// <param name="File">Full path of the file concerned.</param>
public abstract record RecoveryEvent(string File)
{
    /// <summary>A human-readable description, naming the file.</summary>
    public abstract string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>
/// An incomplete or checksum-failing record at the very end of an append-only file (a write torn
/// by a crash) was cut off; everything before <paramref name="Offset"/> is intact.
/// </summary>
/// <param name="File">Full path of the file that was truncated.</param>
/// <param name="Offset">The new length of the file: the offset of the first dropped byte.</param>
/// <param name="BytesDropped">How many bytes were removed.</param>
/// <param name="Reason">Why the tail was judged torn.</param>
public sealed record TruncatedTail(string File, long Offset, long BytesDropped, string Reason) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Truncated torn tail of {File} at byte offset {Offset}, dropping {BytesDropped} byte(s): {Reason}.");
}

/// <summary>
/// The last segment file was shorter than its header (a crash while a new segment was being
/// created) and held no record; it was deleted.
/// </summary>
/// <param name="File">Full path of the deleted segment.</param>
/// <param name="Length">Its length in bytes.</param>
public sealed record IncompleteSegmentRemoved(string File, long Length) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Removed incomplete segment {File} ({Length} byte(s), no complete header): a crash interrupted its creation.");
}

/// <summary>
/// Transaction-index entries for blocks above the block store's last height (written just before a
/// crash prevented the block itself from being written) were dropped.
/// </summary>
/// <param name="File">Full path of the transaction index.</param>
/// <param name="Offset">The new length of the file.</param>
/// <param name="EntriesDropped">How many entries were removed.</param>
/// <param name="LastHeight">The block store's last height (0 when empty).</param>
public sealed record TxIndexEntriesDropped(string File, long Offset, long EntriesDropped, ulong LastHeight) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Dropped {EntriesDropped} transaction-index entr{(EntriesDropped == 1 ? "y" : "ies")} of {File} from byte offset {Offset}: they refer to blocks above the last stored height {LastHeight}.");
}

/// <summary>
/// The transaction index was behind the blocks (appends with one fsync leave it so after a crash)
/// and the missing entries were derived from the stored blocks.
/// </summary>
/// <param name="File">Full path of the transaction index.</param>
/// <param name="FromHeight">The first block examined.</param>
/// <param name="ToHeight">The last block examined (the store's last height).</param>
/// <param name="EntriesAdded">How many entries were added.</param>
public sealed record TxIndexCaughtUp(string File, ulong FromHeight, ulong ToHeight, long EntriesAdded) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Caught up transaction index {File} from blocks {FromHeight}..{ToHeight}: {EntriesAdded} entr{(EntriesAdded == 1 ? "y" : "ies")} added.");
}

/// <summary>The transaction index was rebuilt from the stored blocks.</summary>
/// <param name="File">Full path of the transaction index.</param>
/// <param name="Reason">Why it had to be rebuilt.</param>
/// <param name="Entries">How many entries the rebuilt index holds.</param>
public sealed record TxIndexRebuilt(string File, string Reason, long Entries) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Rebuilt transaction index {File} from the stored blocks ({Entries} entries): {Reason}.");
}

/// <summary>
/// A snapshot failed verification and was skipped; loading fell back to an older one. The file
/// was renamed so that it is neither loaded again nor counted by retention.
/// </summary>
/// <param name="File">Full path of the rejected snapshot.</param>
/// <param name="Reason">What is wrong with it.</param>
/// <param name="QuarantinedAs">Where it was moved, or null if it could not be renamed.</param>
public sealed record SnapshotRejected(string File, string Reason, string? QuarantinedAs) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => QuarantinedAs is null
        ? $"Skipped snapshot {File}: {Reason}."
        : $"Skipped snapshot {File}: {Reason}; moved it to {QuarantinedAs}.";
}

/// <summary>A leftover temporary file (from a save interrupted by a crash) was deleted.</summary>
/// <param name="File">Full path of the deleted file.</param>
public sealed record StaleFileDeleted(string File) : RecoveryEvent(File)
{
    /// <inheritdoc />
    public override string Message => $"Deleted leftover temporary file {File} (an interrupted save).";
}
