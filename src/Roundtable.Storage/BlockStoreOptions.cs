using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>
/// Returns the hashes of the transactions of a stored block, in block order. The storage layer
/// does not understand block payloads; the node supplies this to let the transaction index be
/// rebuilt from the blocks.
/// </summary>
/// <param name="height">The block's height.</param>
/// <param name="payload">The block bytes as they were appended.</param>
public delegate IReadOnlyList<Hash256> TransactionHashExtractor(ulong height, ReadOnlySpan<byte> payload);

/// <summary>Settings of a <see cref="BlockStore"/>.</summary>
public sealed class BlockStoreOptions
{
    /// <summary>Default segment size: 64 MiB.</summary>
    public const long DefaultSegmentSize = 64L * 1024 * 1024;

    /// <summary>Default bound on one block's size: 128 MiB.</summary>
    public const int DefaultMaxPayloadBytes = 128 * 1024 * 1024;

    /// <summary>Smallest accepted segment size (tests use small segments to exercise roll-over).</summary>
    public const long MinSegmentSize = 256;

    /// <summary>
    /// A new segment file is started when a record would make the current one larger than this.
    /// A record larger than the whole segment size gets a segment of its own.
    /// </summary>
    public long SegmentSize { get; init; } = DefaultSegmentSize;

    /// <summary>
    /// The largest payload <see cref="BlockStore.Append"/> accepts; when scanning, a record
    /// claiming a larger length is treated as damaged instead of being read.
    /// </summary>
    public int MaxPayloadBytes { get; init; } = DefaultMaxPayloadBytes;

    /// <summary>
    /// Optional. When set, a missing or damaged transaction index is rebuilt from the blocks at
    /// open (and reported) instead of making <see cref="BlockStore.Open(string, BlockStoreOptions, out StoreOpenReport)"/> throw.
    /// </summary>
    public TransactionHashExtractor? TransactionHashExtractor { get; init; }

    internal void Validate()
    {
        if (SegmentSize < MinSegmentSize)
        {
            throw new ArgumentOutOfRangeException(nameof(SegmentSize), SegmentSize, $"A segment is at least {MinSegmentSize} bytes.");
        }

        if (MaxPayloadBytes < 1 || MaxPayloadBytes > int.MaxValue - 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPayloadBytes), MaxPayloadBytes, "The payload bound must be positive and below 2 GiB.");
        }
    }
}
