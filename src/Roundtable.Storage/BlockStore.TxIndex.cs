using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>The transaction index file: loading, tail repair and rebuilding.</summary>
public sealed partial class BlockStore
{
    private void LoadTxIndex(List<RecoveryEvent> events, ScanTotals totals)
    {
        var path = Path.Combine(DirectoryPath, TxIndexFileName);
        var temp = path + ".tmp";
        if (File.Exists(temp))
        {
            File.Delete(temp);
            events.Add(new StaleFileDeleted(temp));
        }

        var blocks = _index.Count;
        (string Problem, long? Offset)? damage;
        if (!File.Exists(path))
        {
            if (blocks == 0)
            {
                _txHandle = StorageFormat.CreateWithHeader(path, StorageFormat.TxIndexMagic, FileMode.Create);
                _txLength = StorageFormat.FileHeaderSize;
                return;
            }

            damage = ("the transaction index is missing", null);
        }
        else
        {
            damage = TryLoadTxIndexFile(path, events, totals, out var indexedThrough);
            if (damage is null && blocks > 0 && _options.TransactionHashExtractor is { } catchUpExtractor)
            {
                CatchUpTxIndex(path, indexedThrough, catchUpExtractor, events);
            }
        }

        if (damage is not { } d)
        {
            return;
        }

        var reason = d.Offset is { } o
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Problem} at byte offset {o}")
            : d.Problem;
        var extractor = _options.TransactionHashExtractor;
        if (blocks > 0 && extractor is null)
        {
            throw new StoreCorruptedException(path, d.Offset, string.Create(
                CultureInfo.InvariantCulture,
                $"{d.Problem}; the store holds blocks {_baseHeight}..{LastHeightLocked}, whose index can only be rebuilt with BlockStoreOptions.TransactionHashExtractor"));
        }

        // With no blocks there is nothing to index, so a damaged file is simply recreated.
        var entries = RebuildTxIndexFile(_baseHeight, LastHeightLocked, extractor ?? ((_, _) => []));
        events.Add(new TxIndexRebuilt(path, reason, entries));
    }

    /// <summary>
    /// Loads the index file, repairing a torn tail and dropping entries above the last block.
    /// Returns the damage that prevents loading it, or null when it was loaded; then
    /// <paramref name="indexedThrough"/> says how far the file is known to be complete.
    /// </summary>
    private (string Problem, long? Offset)? TryLoadTxIndexFile(string path, List<RecoveryEvent> events, ScanTotals totals, out IndexedThrough indexedThrough)
    {
        indexedThrough = default;
        var last = LastHeightLocked;
        ulong markerHeight = 0;
        ulong lastEntryHeight = 0;
        var entriesAtLastHeight = 0;
        long length;
        long entries;
        long firstBad = -1;
        long firstBeyond = -1;
        var index = new Dictionary<Hash256, TxLocation>();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ScanBufferSize, FileOptions.SequentialScan))
        {
            length = stream.Length;
            Span<byte> entry = stackalloc byte[TxEntrySize];
            var got = stream.ReadAtLeast(entry[..StorageFormat.FileHeaderSize], StorageFormat.FileHeaderSize, throwOnEndOfStream: false);
            if (StorageFormat.CheckFileHeader(entry[..got], StorageFormat.TxIndexMagic) is { } headerProblem)
            {
                return ($"bad transaction-index header: {headerProblem}", 0);
            }

            entries = (length - StorageFormat.FileHeaderSize) / TxEntrySize;
            index.EnsureCapacity((int)Math.Min(entries, 1 << 24));
            ulong previousHeight = 0;
            for (long i = 0; i < entries; i++)
            {
                stream.ReadExactly(entry);
                var valid = Crc32C.Compute(entry[..44]) == BinaryPrimitives.ReadUInt32LittleEndian(entry[44..]);
                if (firstBad >= 0)
                {
                    if (valid)
                    {
                        return (string.Create(
                            CultureInfo.InvariantCulture,
                            $"CRC32C mismatch in transaction-index entry {firstBad}, and a valid entry follows at byte offset {EntryOffset(i)}"),
                            EntryOffset(firstBad));
                    }

                    continue;
                }

                if (!valid)
                {
                    firstBad = i;
                    continue;
                }

                var height = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
                var position = BinaryPrimitives.ReadUInt32LittleEndian(entry[40..]);
                var marker = IsCompletenessMarker(entry, position);
                if (height < previousHeight || (position > int.MaxValue && !marker))
                {
                    return (string.Create(
                        CultureInfo.InvariantCulture,
                        $"transaction-index entry {i} (block {height}, position {position}) is out of order after block {previousHeight}"),
                        EntryOffset(i));
                }

                previousHeight = height;
                if (firstBeyond >= 0 || height > last)
                {
                    if (firstBeyond < 0)
                    {
                        firstBeyond = i;
                    }

                    continue;
                }

                if (marker)
                {
                    markerHeight = height;
                    continue;
                }

                entriesAtLastHeight = height == lastEntryHeight ? entriesAtLastHeight + 1 : 1;
                lastEntryHeight = height;
                index.TryAdd(Hash256.FromBytes(entry[..32]), new TxLocation(height, (int)position));
            }
        }

        totals.Records += entries;
        totals.Bytes += length;

        var tail = (length - StorageFormat.FileHeaderSize) % TxEntrySize;
        var intactEnd = firstBad >= 0 ? EntryOffset(firstBad) : EntryOffset(entries);
        var keep = firstBeyond >= 0 ? EntryOffset(firstBeyond) : intactEnd;
        if (intactEnd < length)
        {
            var why = firstBad >= 0
                ? "CRC32C mismatch in the last transaction-index entry"
                : string.Create(CultureInfo.InvariantCulture, $"incomplete transaction-index entry ({tail} of {TxEntrySize} bytes)");
            events.Add(new TruncatedTail(path, intactEnd, length - intactEnd, why));
        }

        if (firstBeyond >= 0)
        {
            events.Add(new TxIndexEntriesDropped(path, keep, (intactEnd - keep) / TxEntrySize, last));
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (keep < length)
        {
            RandomAccess.SetLength(handle, keep);
            RandomAccess.FlushToDisk(handle);
        }

        _txHandle = handle;
        _txLength = keep;
        _txIndex = index;
        _txMarkerHeight = markerHeight;
        indexedThrough = new IndexedThrough(markerHeight, lastEntryHeight, entriesAtLastHeight);
        return null;
    }

    /// <summary>
    /// Re-derives the entries of blocks the index file does not cover yet: appends made with one
    /// fsync leave the index behind the blocks after a crash. The entries are written unsynced;
    /// the next sync or a clean close makes them durable, and a crash before that repeats this.
    /// </summary>
    private void CatchUpTxIndex(string path, IndexedThrough indexedThrough, TransactionHashExtractor extractor, List<RecoveryEvent> events)
    {
        var last = LastHeightLocked;
        var from = Math.Max(_baseHeight, indexedThrough.FirstHeightToDerive);
        long added = 0;
        for (var height = from; height <= last && height != 0; height++)
        {
            var hashes = extractor(height, ReadForRebuild(height, path));
            var present = height == indexedThrough.LastEntryHeight ? indexedThrough.EntriesAtLastEntryHeight : 0;
            if (hashes.Count <= present)
            {
                continue;
            }

            WriteTxEntries(height, hashes, present);
            for (var i = present; i < hashes.Count; i++)
            {
                _txIndex.TryAdd(hashes[i], new TxLocation(height, i));
            }

            added += hashes.Count - present;
            _txUnsynced = true;
        }

        if (added > 0)
        {
            events.Add(new TxIndexCaughtUp(path, from, last, added));
        }
    }

    /// <summary>
    /// Appends an "every block through the last height is indexed" marker when the file does not
    /// already end in one, so that the next open derives nothing. Only stores that can re-derive
    /// entries (with an extractor) write markers: the others keep the index durable per append.
    /// </summary>
    private void MarkIndexComplete()
    {
        ulong last;
        lock (_stateLock)
        {
            last = LastHeightLocked;
        }

        if (_options.TransactionHashExtractor is null || last == 0 || _txMarkerHeight == last)
        {
            return;
        }

        Span<byte> entry = stackalloc byte[TxEntrySize];
        entry[..32].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(entry[32..], last);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[40..], CompletenessMarkerPosition);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[44..], Crc32C.Compute(entry[..44]));
        RandomAccess.Write(_txHandle, entry, _txLength);
        _txLength += TxEntrySize;
        _txMarkerHeight = last;
        _txUnsynced = true;
    }

    private static bool IsCompletenessMarker(ReadOnlySpan<byte> entry, uint position) =>
        position == CompletenessMarkerPosition && !entry[..32].ContainsAnyExcept((byte)0);

    /// <summary>How far a loaded index file reaches: its newest marker and its last block with entries.</summary>
    private readonly record struct IndexedThrough(ulong MarkerHeight, ulong LastEntryHeight, int EntriesAtLastEntryHeight)
    {
        /// <summary>
        /// The first block whose entries may be missing: the last block with entries (it may be
        /// partly written), unless a marker covers it.
        /// </summary>
        public ulong FirstHeightToDerive => MarkerHeight >= LastEntryHeight ? MarkerHeight + 1 : LastEntryHeight;
    }

    private static long EntryOffset(long entry) => StorageFormat.FileHeaderSize + (entry * TxEntrySize);

    /// <summary>
    /// Writes a fresh index for blocks <paramref name="first"/>..<paramref name="last"/> to a
    /// temporary file, fsyncs it, renames it over the index and installs it.
    /// </summary>
    private long RebuildTxIndexFile(ulong first, ulong last, TransactionHashExtractor extractor)
    {
        var path = Path.Combine(DirectoryPath, TxIndexFileName);
        var temp = path + ".tmp";
        var index = new Dictionary<Hash256, TxLocation>();
        long entries = 0;
        long blocks;
        lock (_stateLock)
        {
            blocks = _index.Count;
        }

        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, ScanBufferSize))
        {
            Span<byte> entry = stackalloc byte[TxEntrySize];
            StorageFormat.WriteFileHeader(entry, StorageFormat.TxIndexMagic);
            stream.Write(entry[..StorageFormat.FileHeaderSize]);
            for (long k = 0; k < blocks; k++)
            {
                var height = first + (ulong)k;
                var payload = ReadForRebuild(height, path);
                var hashes = extractor(height, payload);
                for (var i = 0; i < hashes.Count; i++)
                {
                    EncodeTxEntry(entry, hashes[i], height, i);
                    stream.Write(entry);
                    index.TryAdd(hashes[i], new TxLocation(height, i));
                    entries++;
                }
            }

            stream.Flush(flushToDisk: true);
        }

        Debug.Assert(blocks == 0 || first + (ulong)blocks - 1 == last, "the rebuilt range is the stored range");
        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(DirectoryPath);
        _txHandle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        _txLength = EntryOffset(entries);
        _txUnsynced = false;
        _txMarkerHeight = 0;
        lock (_stateLock)
        {
            _txIndex = index;
        }

        return entries;
    }
}
