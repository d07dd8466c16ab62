using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Roundtable.Storage;

/// <summary>Opening: the sequential verifying scan of the segments and torn-tail repair.</summary>
public sealed partial class BlockStore
{
    private const int ScanBufferSize = 1 << 20;

    private static BlockStore OpenCore(string directory, BlockStoreOptions options, out StoreOpenReport report)
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        var lockFile = AcquireLock(directory);
        List<Segment>? segments = null;
        BlockStore? store = null;
        try
        {
            var events = new List<RecoveryEvent>();
            var totals = new ScanTotals();
            segments = ListSegments(directory);
            var index = new List<RecordLocation>();
            ulong baseHeight = 0;
            int? removedNumber = null;
            for (var i = 0; i < segments.Count; i++)
            {
                if (!ScanSegment(segments[i], i, i == segments.Count - 1, options, index, ref baseHeight, events, totals))
                {
                    removedNumber = segments[i].Number;
                    segments.RemoveAt(i);
                    break;
                }
            }

            if (segments.Count == 0)
            {
                var number = removedNumber ?? 0;
                var path = Path.Combine(directory, SegmentFileName(number));
                var handle = StorageFormat.CreateWithHeader(path, StorageFormat.SegmentMagic, FileMode.CreateNew);
                segments.Add(new Segment(number, path) { Handle = handle, Length = StorageFormat.FileHeaderSize });
            }
            else
            {
                var active = segments[^1];
                active.Handle = File.OpenHandle(active.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            }

            store = new BlockStore(directory, options, lockFile, segments, index, baseHeight);
            store.LoadTxIndex(events, totals);
            report = new StoreOpenReport(events, totals.Records, totals.Bytes, stopwatch.Elapsed);
            return store;
        }
        catch
        {
            if (store is not null)
            {
                store.Dispose();
            }
            else
            {
                foreach (var segment in segments ?? [])
                {
                    segment.Handle?.Dispose();
                }

                lockFile.Dispose();
            }

            throw;
        }
    }

    private static FileStream AcquireLock(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        try
        {
            // FileShare.None takes an exclusive lock (flock on Unix) held until Dispose.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The block store in {directory} is already open (lock file {path} is held by this or another process).", e);
        }
    }

    private static List<Segment> ListSegments(string directory)
    {
        var segments = new List<Segment>();
        foreach (var path in Directory.EnumerateFiles(directory, "blocks-*.seg"))
        {
            var name = Path.GetFileName(path);
            var digits = name["blocks-".Length..^".seg".Length];
            if (digits.Length >= 6
                && digits.All(char.IsAsciiDigit)
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments.Add(new Segment(number, path));
            }
        }

        segments.Sort((a, b) => a.Number.CompareTo(b.Number));
        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i].Number != segments[i - 1].Number + 1)
            {
                throw new StoreCorruptedException(
                    Path.Combine(directory, SegmentFileName(segments[i - 1].Number + 1)),
                    null,
                    $"segment file is missing between {Path.GetFileName(segments[i - 1].Path)} and {Path.GetFileName(segments[i].Path)}");
            }
        }

        return segments;
    }

    /// <summary>
    /// Verifies one segment, appending its records to <paramref name="index"/>. Returns false when
    /// the segment was an incomplete last segment and was deleted.
    /// </summary>
    private static bool ScanSegment(
        Segment segment,
        int segmentIndex,
        bool isLast,
        BlockStoreOptions options,
        List<RecordLocation> index,
        ref ulong baseHeight,
        List<RecoveryEvent> events,
        ScanTotals totals)
    {
        long length;
        long offset = StorageFormat.FileHeaderSize;
        string? damage = null;
        using (var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ScanBufferSize, FileOptions.SequentialScan))
        {
            length = stream.Length;
            Span<byte> header = stackalloc byte[RecordHeaderSize];
            var got = stream.ReadAtLeast(header[..StorageFormat.FileHeaderSize], StorageFormat.FileHeaderSize, throwOnEndOfStream: false);
            var headerProblem = StorageFormat.CheckFileHeader(header[..got], StorageFormat.SegmentMagic);
            if (headerProblem is not null)
            {
                if (isLast && length <= StorageFormat.FileHeaderSize)
                {
                    // A crash between creating the file and making its header durable.
                    stream.Dispose();
                    File.Delete(segment.Path);
                    DirectorySync.Flush(Path.GetDirectoryName(segment.Path)!);
                    events.Add(new IncompleteSegmentRemoved(segment.Path, length));
                    return false;
                }

                throw new StoreCorruptedException(segment.Path, 0, $"bad segment header: {headerProblem}");
            }

            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (offset < length)
                {
                    var remaining = length - offset;
                    if (remaining < RecordHeaderSize)
                    {
                        damage = string.Create(CultureInfo.InvariantCulture, $"incomplete record header ({remaining} of {RecordHeaderSize} bytes)");
                        break;
                    }

                    stream.ReadExactly(header);
                    var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
                    var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
                    var height = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
                    if (payloadLength > (uint)options.MaxPayloadBytes)
                    {
                        damage = string.Create(CultureInfo.InvariantCulture, $"record length {payloadLength} exceeds the bound of {options.MaxPayloadBytes} bytes");
                        break;
                    }

                    if (payloadLength > remaining - RecordHeaderSize)
                    {
                        damage = string.Create(CultureInfo.InvariantCulture, $"incomplete record: it claims {payloadLength} payload bytes but only {remaining - RecordHeaderSize} remain");
                        break;
                    }

                    var len = (int)payloadLength;
                    if (buffer.Length < len)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(len);
                    }

                    stream.ReadExactly(buffer, 0, len);
                    var actual = RecordCrc(height, buffer.AsSpan(0, len));
                    if (actual != crc)
                    {
                        damage = string.Create(CultureInfo.InvariantCulture, $"CRC32C mismatch in the record claiming height {height}: stored {crc:x8}, computed {actual:x8}");
                        break;
                    }

                    CheckHeight(segment.Path, offset, height, index, ref baseHeight);
                    index.Add(new RecordLocation(segmentIndex, offset, len));
                    offset += RecordHeaderSize + len;
                    totals.Records++;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        totals.Bytes += offset;
        if (damage is not null)
        {
            var lastGood = index.Count == 0 ? 0 : baseHeight + (ulong)index.Count - 1;
            var after = index.Count == 0 ? "no intact block precedes it" : string.Create(CultureInfo.InvariantCulture, $"the last intact block is {lastGood}");
            if (!isLast)
            {
                throw new StoreCorruptedException(segment.Path, offset, $"{damage}; {after}; later segments exist, so this is not a torn write");
            }

            if (FindValidRecord(segment.Path, offset, length, lastGood, options.MaxPayloadBytes) is { } next)
            {
                throw new StoreCorruptedException(segment.Path, offset, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{damage}; {after}; a valid record (block {next.Height}) follows at byte offset {next.Offset}, so this is not a torn write"));
            }

            using (var handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
            {
                RandomAccess.SetLength(handle, offset);
                RandomAccess.FlushToDisk(handle);
            }

            events.Add(new TruncatedTail(segment.Path, offset, length - offset, $"{damage}; {after}"));
        }

        segment.Length = offset;
        return true;
    }

    private static void CheckHeight(string path, long offset, ulong height, List<RecordLocation> index, ref ulong baseHeight)
    {
        if (index.Count == 0)
        {
            if (height == 0)
            {
                throw new StoreCorruptedException(path, offset, "record has height 0 (heights start at 1)");
            }

            baseHeight = height;
            return;
        }

        var expected = baseHeight + (ulong)index.Count;
        if (height != expected)
        {
            throw new StoreCorruptedException(path, offset, string.Create(
                CultureInfo.InvariantCulture,
                $"height gap: expected block {expected} after block {expected - 1}, found block {height}"));
        }
    }

    /// <summary>
    /// Looks for any checksum-valid record of a height above <paramref name="lastGood"/> starting
    /// after <paramref name="damagedAt"/>. Finding one means the damage is not a torn tail.
    /// </summary>
    private static (long Offset, ulong Height)? FindValidRecord(string path, long damagedAt, long length, ulong lastGood, int maxPayload)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var window = new byte[(int)Math.Min(ScanBufferSize, Math.Max(0, length - damagedAt))];
        var windowStart = damagedAt + 1;
        while (windowStart + RecordHeaderSize <= length)
        {
            var n = StorageFormat.ReadAtMost(handle, window.AsSpan(0, (int)Math.Min(window.Length, length - windowStart)), windowStart);
            if (n < RecordHeaderSize)
            {
                break;
            }

            for (var p = 0; p <= n - RecordHeaderSize; p++)
            {
                var header = window.AsSpan(p, RecordHeaderSize);
                var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
                var height = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
                var at = windowStart + p;
                if (height <= lastGood || height == 0 || payloadLength > (uint)maxPayload || payloadLength > length - at - RecordHeaderSize)
                {
                    continue;
                }

                var payload = new byte[payloadLength];
                if (StorageFormat.ReadAtMost(handle, payload, at + RecordHeaderSize) == payload.Length
                    && RecordCrc(height, payload) == BinaryPrimitives.ReadUInt32LittleEndian(header[4..]))
                {
                    return (at, height);
                }
            }

            if (windowStart + n >= length)
            {
                break;
            }

            windowStart += n - RecordHeaderSize + 1;
        }

        return null;
    }

    private sealed class ScanTotals
    {
        public long Records { get; set; }

        public long Bytes { get; set; }
    }
}
