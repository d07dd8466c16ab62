using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>
/// Append-only store of opaque block payloads by height, in checksummed segment files, with an
/// index of transaction hashes. One writer appends (consensus) while any number of threads read
/// (API); reads use positional I/O on shared handles, so they never race on a file position.
/// File formats and recovery rules: docs/storage.md.
/// </summary>
public sealed partial class BlockStore : IDisposable
{
    /// <summary>Bytes before the payload of every record: length, CRC32C, height.</summary>
    internal const int RecordHeaderSize = 16;

    /// <summary>Bytes of one transaction-index entry: hash, height, index, CRC32C.</summary>
    internal const int TxEntrySize = 48;

    /// <summary>Position field of an index entry with an all-zero hash that marks "indexed through this height".</summary>
    internal const uint CompletenessMarkerPosition = uint.MaxValue;

    /// <summary>Name of the transaction index inside the store directory.</summary>
    internal const string TxIndexFileName = "txindex.dat";

    /// <summary>Name of the file whose exclusive lock keeps a second process out of the directory.</summary>
    internal const string LockFileName = "LOCK";

    private readonly BlockStoreOptions _options;
    private readonly FileStream _lockFile;

    // Guards the published state below: _segments (list and read handles), _index, _txIndex,
    // _baseHeight, _disposed. Held only for in-memory lookups, never across I/O on blocks.
    private readonly Lock _stateLock = new();

    // Serialises writers (Append, Sync, RebuildTransactionIndex, Dispose).
    private readonly Lock _writeLock = new();

    private readonly List<Segment> _segments;
    private readonly List<RecordLocation> _index;
    private Dictionary<Hash256, TxLocation> _txIndex;
    private ulong _baseHeight;
    private bool _disposed;

    // Writer-owned state (touched only under _writeLock).
    private SafeFileHandle _txHandle;
    private long _txLength;
    private bool _segmentUnsynced;
    private bool _txUnsynced;

    // Height of the newest "indexed through" marker in the index file (0: none): lets the next
    // open skip re-deriving entries for the blocks up to it.
    private ulong _txMarkerHeight;
    private Exception? _fault;

    private BlockStore(
        string directory,
        BlockStoreOptions options,
        FileStream lockFile,
        List<Segment> segments,
        List<RecordLocation> index,
        ulong baseHeight)
    {
        DirectoryPath = directory;
        _options = options;
        _lockFile = lockFile;
        _segments = segments;
        _index = index;
        _baseHeight = baseHeight;
        _txIndex = [];

        // Assigned by LoadTxIndex before the store is handed out.
        _txHandle = null!;
    }

    /// <summary>Full path of the store directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>Height of the newest stored block; 0 when the store is empty.</summary>
    public ulong LastHeight
    {
        get
        {
            lock (_stateLock)
            {
                return LastHeightLocked;
            }
        }
    }

    /// <summary>
    /// Height of the oldest stored block (normally 1; the first appended height when the chain
    /// was started from a snapshot); 0 when the store is empty.
    /// </summary>
    public ulong BaseHeight
    {
        get
        {
            lock (_stateLock)
            {
                return _index.Count == 0 ? 0 : _baseHeight;
            }
        }
    }

    /// <summary>Number of stored blocks.</summary>
    public long Count
    {
        get
        {
            lock (_stateLock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Number of distinct transaction hashes in the index.</summary>
    public int TransactionCount
    {
        get
        {
            lock (_stateLock)
            {
                return _txIndex.Count;
            }
        }
    }

    /// <summary>Number of segment files.</summary>
    public int SegmentCount
    {
        get
        {
            lock (_stateLock)
            {
                return _segments.Count;
            }
        }
    }

    private ulong LastHeightLocked => _index.Count == 0 ? 0 : _baseHeight + (ulong)_index.Count - 1;

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/> with default options.</summary>
    /// <inheritdoc cref="Open(string, BlockStoreOptions, out StoreOpenReport)" path="/exception"/>
    public static BlockStore Open(string directory, out StoreOpenReport report) =>
        Open(directory, new BlockStoreOptions(), out report);

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="directory"/>: reads every segment
    /// once, verifying every record's CRC, rebuilds the height index, truncates a torn tail and
    /// loads the transaction index. What was repaired is listed in <paramref name="report"/>.
    /// </summary>
    /// <exception cref="StoreCorruptedException">Damage that cannot be repaired without losing durable data; the message names the file and byte offset.</exception>
    /// <exception cref="IOException">The directory is already open (in this or another process), or an I/O error.</exception>
    public static BlockStore Open(string directory, BlockStoreOptions options, out StoreOpenReport report)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return OpenCore(Path.GetFullPath(directory), options, out report);
    }

    /// <summary>
    /// Appends the block at <paramref name="height"/> and indexes its transactions.
    /// With <paramref name="sync"/> (the default) the block is on disk when this returns, and so
    /// are its index entries, or, when <see cref="BlockStoreOptions.TransactionHashExtractor"/> is
    /// set, the means to restore them at open: then one fsync suffices instead of two. With <paramref name="sync"/> false nothing is fsynced until
    /// <see cref="Sync"/> (bulk replay, benchmarks).
    /// </summary>
    /// <param name="height">Must be <see cref="LastHeight"/> + 1, or any height of at least 1 when the store is empty.</param>
    /// <param name="payload">The block bytes, stored as they are.</param>
    /// <param name="txHashes">Hashes of the block's transactions in block order; position i is indexed as (height, i).</param>
    /// <param name="sync">Whether to fsync before returning.</param>
    /// <exception cref="InvalidOperationException">The height does not follow the last height, or an earlier write failed (reopen the store).</exception>
    /// <exception cref="ArgumentException">The payload is larger than <see cref="BlockStoreOptions.MaxPayloadBytes"/>.</exception>
    public void Append(ulong height, ReadOnlySpan<byte> payload, IReadOnlyList<Hash256> txHashes, bool sync = true)
    {
        ArgumentNullException.ThrowIfNull(txHashes);
        ArgumentOutOfRangeException.ThrowIfZero(height);
        if (payload.Length > _options.MaxPayloadBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A block of {payload.Length} bytes exceeds the bound of {_options.MaxPayloadBytes} bytes."),
                nameof(payload));
        }

        lock (_writeLock)
        {
            ThrowIfUnwritable();
            ulong last;
            int count;
            lock (_stateLock)
            {
                last = LastHeightLocked;
                count = _index.Count;
            }

            if (count > 0 && (last == ulong.MaxValue || height != last + 1))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Cannot append block {height}: the last stored block is {last}, so the next must be {last + 1}."));
            }

            Segment segment;
            long offset;
            try
            {
                // Index entries go first. When the store cannot re-derive them (no extractor) they
                // are made durable first, so a block on disk always has its entries; entries whose
                // block never made it are dropped at open. With an extractor a lagging index is
                // caught up from the blocks at open, so a durable append needs one fsync, not two.
                if (txHashes.Count > 0)
                {
                    WriteTxEntries(height, txHashes);
                    if (sync && _options.TransactionHashExtractor is null)
                    {
                        RandomAccess.FlushToDisk(_txHandle);
                        _txUnsynced = false;
                    }
                    else
                    {
                        _txUnsynced = true;
                    }
                }

                var recordSize = RecordHeaderSize + (long)payload.Length;
                segment = _segments[^1];
                if (segment.Length > StorageFormat.FileHeaderSize && segment.Length + recordSize > _options.SegmentSize)
                {
                    segment = RollSegment(segment);
                }

                offset = segment.Length;
                WriteRecord(segment.Handle!, offset, height, payload);
                segment.Length += recordSize;
                if (sync)
                {
                    RandomAccess.FlushToDisk(segment.Handle!);
                    _segmentUnsynced = false;
                }
                else
                {
                    _segmentUnsynced = true;
                }
            }
            catch (Exception e)
            {
                // The files may now end in a partial write and the kernel may have dropped dirty
                // pages: stop writing; reopening truncates whatever is torn.
                _fault = e;
                throw;
            }

            lock (_stateLock)
            {
                if (_index.Count == 0)
                {
                    _baseHeight = height;
                }

                _index.Add(new RecordLocation(_segments.Count - 1, offset, payload.Length));
                for (var i = 0; i < txHashes.Count; i++)
                {
                    _txIndex.TryAdd(txHashes[i], new TxLocation(height, i));
                }
            }
        }
    }

    /// <summary>Fsyncs everything appended with <c>sync: false</c> (the index before the blocks).</summary>
    public void Sync()
    {
        lock (_writeLock)
        {
            ThrowIfUnwritable();
            try
            {
                SyncCore();
            }
            catch (Exception e)
            {
                _fault = e;
                throw;
            }
        }
    }

    /// <summary>
    /// Reads the block at <paramref name="height"/>, verifying its CRC; false when no block of
    /// that height is stored.
    /// </summary>
    /// <exception cref="StoreCorruptedException">The stored record no longer matches its checksum; the message names the file and offset.</exception>
    public bool TryRead(ulong height, out byte[] payload)
    {
        if (!TryLocate(height, out var location, out var handle, out var path))
        {
            payload = [];
            return false;
        }

        payload = ReadRecord(handle, path, location, height);
        return true;
    }

    /// <summary>Finds the block and position of a transaction by its hash.</summary>
    public bool TryFindTransaction(Hash256 txHash, out TxLocation location)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _txIndex.TryGetValue(txHash, out location);
        }
    }

    /// <summary>
    /// Rewrites the transaction index from the stored blocks (atomically: a new file is written,
    /// fsynced and renamed over the old one). For use after a crash during a <c>sync: false</c>
    /// bulk replay, or when the index file was lost.
    /// </summary>
    /// <returns>The number of entries written.</returns>
    public long RebuildTransactionIndex(TransactionHashExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        lock (_writeLock)
        {
            ThrowIfUnwritable();
            SyncCore();
            ulong first;
            ulong last;
            lock (_stateLock)
            {
                first = _index.Count == 0 ? 1 : _baseHeight;
                last = LastHeightLocked;
            }

            _txHandle.Dispose();
            try
            {
                return RebuildTxIndexFile(first, last, extractor);
            }
            catch (Exception e)
            {
                _fault = e;
                throw;
            }
        }
    }

    /// <summary>Fsyncs unsynced appends and closes every file.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            lock (_stateLock)
            {
                if (_disposed)
                {
                    return;
                }
            }

            try
            {
                if (_fault is null)
                {
                    MarkIndexComplete();
                    SyncCore();
                }
            }
            finally
            {
                lock (_stateLock)
                {
                    _disposed = true;
                    foreach (var segment in _segments)
                    {
                        segment.Handle?.Dispose();
                    }

                    _txHandle?.Dispose();
                }

                _lockFile.Dispose();
            }
        }
    }

    private void ThrowIfUnwritable()
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if (_fault is not null)
        {
            throw new InvalidOperationException(
                $"The block store in {DirectoryPath} stopped accepting writes after a failed write ({_fault.Message}); reopen it to recover.",
                _fault);
        }
    }

    private void SyncCore()
    {
        if (_txUnsynced)
        {
            RandomAccess.FlushToDisk(_txHandle);
            _txUnsynced = false;
        }

        if (_segmentUnsynced)
        {
            RandomAccess.FlushToDisk(_segments[^1].Handle!);
            _segmentUnsynced = false;
        }
    }

    /// <summary>Writes the entries of positions <paramref name="firstPosition"/> and later of one block.</summary>
    private void WriteTxEntries(ulong height, IReadOnlyList<Hash256> txHashes, int firstPosition = 0)
    {
        var size = (txHashes.Count - firstPosition) * TxEntrySize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            for (var i = firstPosition; i < txHashes.Count; i++)
            {
                EncodeTxEntry(buffer.AsSpan((i - firstPosition) * TxEntrySize, TxEntrySize), txHashes[i], height, i);
            }

            RandomAccess.Write(_txHandle, buffer.AsSpan(0, size), _txLength);
            _txLength += size;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void WriteRecord(SafeFileHandle handle, long offset, ulong height, ReadOnlySpan<byte> payload)
    {
        var size = RecordHeaderSize + payload.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var record = buffer.AsSpan(0, size);
            EncodeRecordHeader(record, height, payload);
            payload.CopyTo(record[RecordHeaderSize..]);

            // One write call per record: a crash leaves at most one torn record at the tail.
            RandomAccess.Write(handle, record, offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes [u32 length][u32 CRC32C(height ‖ payload)][u64 height], little-endian.</summary>
    internal static void EncodeRecordHeader(Span<byte> destination, ulong height, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], height);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], RecordCrc(height, payload));
    }

    /// <summary>CRC32C of the little-endian height followed by the payload.</summary>
    internal static uint RecordCrc(ulong height, ReadOnlySpan<byte> payload)
    {
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(h, height);
        return Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Seed, h), payload));
    }

    /// <summary>Writes hash (32) ‖ height (u64) ‖ index (u32) ‖ CRC32C of those 44 bytes (u32).</summary>
    internal static void EncodeTxEntry(Span<byte> destination, Hash256 hash, ulong height, int index)
    {
        hash.CopyTo(destination);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[32..], height);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], (uint)index);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[44..], Crc32C.Compute(destination[..44]));
    }

    private Segment RollSegment(Segment current)
    {
        // The sealed segment must be complete on disk before anything lands in the next one, so
        // that a torn record can only ever be at the tail of the last segment. The index goes
        // first so that no durable block lacks its entries.
        SyncCore();
        RandomAccess.FlushToDisk(current.Handle!);

        var number = current.Number + 1;
        var path = Path.Combine(DirectoryPath, SegmentFileName(number));
        var handle = StorageFormat.CreateWithHeader(path, StorageFormat.SegmentMagic, FileMode.CreateNew);
        var next = new Segment(number, path) { Handle = handle, Length = StorageFormat.FileHeaderSize };
        lock (_stateLock)
        {
            _segments.Add(next);
        }

        return next;
    }

    private bool TryLocate(ulong height, out RecordLocation location, out SafeFileHandle handle, out string path)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_index.Count == 0 || height < _baseHeight || height > LastHeightLocked)
            {
                location = default;
                handle = null!;
                path = string.Empty;
                return false;
            }

            location = _index[checked((int)(height - _baseHeight))];
            var segment = _segments[location.Segment];
            segment.Handle ??= File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            handle = segment.Handle;
            path = segment.Path;
            return true;
        }
    }

    private static byte[] ReadRecord(SafeFileHandle handle, string path, RecordLocation location, ulong height)
    {
        Span<byte> header = stackalloc byte[RecordHeaderSize];
        var payload = new byte[location.Length];
        if (StorageFormat.ReadAtMost(handle, header, location.Offset) != RecordHeaderSize
            || StorageFormat.ReadAtMost(handle, payload, location.Offset + RecordHeaderSize) != payload.Length)
        {
            throw new StoreCorruptedException(path, location.Offset, string.Create(
                CultureInfo.InvariantCulture,
                $"the file ends inside the record of block {height} ({RecordHeaderSize + location.Length} bytes expected)"));
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var storedHeight = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        if (length != (uint)location.Length || storedHeight != height)
        {
            throw new StoreCorruptedException(path, location.Offset, string.Create(
                CultureInfo.InvariantCulture,
                $"record header changed since the store was opened: length {length} and height {storedHeight}, expected {location.Length} and {height}"));
        }

        var actual = RecordCrc(height, payload);
        if (actual != crc)
        {
            throw new StoreCorruptedException(path, location.Offset, string.Create(
                CultureInfo.InvariantCulture,
                $"CRC32C mismatch in the record of block {height}: stored {crc:x8}, computed {actual:x8}"));
        }

        return payload;
    }

    private byte[] ReadForRebuild(ulong height, string indexPath)
    {
        if (!TryLocate(height, out var location, out var handle, out var path))
        {
            throw new StoreCorruptedException(indexPath, null, string.Create(CultureInfo.InvariantCulture, $"block {height} vanished during the rebuild"));
        }

        return ReadRecord(handle, path, location, height);
    }

    internal static string SegmentFileName(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"blocks-{number:D6}.seg");

    /// <summary>One segment file. Length is writer-owned; Handle is opened lazily for sealed segments.</summary>
    private sealed class Segment(int number, string path)
    {
        public int Number { get; } = number;

        public string Path { get; } = path;

        public SafeFileHandle? Handle { get; set; }

        public long Length { get; set; }
    }

    /// <summary>Where a block's record is: segment position in the list, record offset, payload length.</summary>
    private readonly record struct RecordLocation(int Segment, long Offset, int Length);
}
