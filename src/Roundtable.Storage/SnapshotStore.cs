using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>
/// Atomic, checksummed snapshots of the application state (ordered key/value entries) in a
/// directory. A save is written to a temporary file, fsynced, renamed into place and the directory
/// fsynced, so a crash leaves either the old set of snapshots or the new one, never a partial
/// file under a snapshot name. Loading picks the newest snapshot that verifies. One instance
/// should own the directory; calls on an instance are serialised. Format: docs/storage.md.
/// </summary>
public sealed class SnapshotStore
{
    /// <summary>Bytes before the entries: file header, height, state root, entry count.</summary>
    internal const int HeaderSize = StorageFormat.FileHeaderSize + 8 + Hash256.Size + 8;

    private const string Prefix = "snapshot-";
    private const string Extension = ".snap";
    private const string TempSuffix = ".tmp";
    private const string CorruptSuffix = ".corrupt";
    private const int HeightDigits = 20;
    private const int IoBufferSize = 1 << 16;

    private readonly SnapshotStoreOptions _options;
    private readonly Lock _gate = new();

    /// <summary>Uses (creating if needed) <paramref name="directory"/>.</summary>
    public SnapshotStore(string directory, SnapshotStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _options = options ?? new SnapshotStoreOptions();
        _options.Validate();
        DirectoryPath = Path.GetFullPath(directory);
        Directory.CreateDirectory(DirectoryPath);
    }

    /// <summary>Full path of the snapshot directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>
    /// Durably writes the snapshot of the state at <paramref name="height"/>, replacing any snapshot
    /// of the same height, then deletes all but the newest <see cref="SnapshotStoreOptions.Retain"/>
    /// snapshots and any leftover temporary file.
    /// </summary>
    /// <param name="height">Height of the last block applied to the state.</param>
    /// <param name="stateRoot">The state root to record.</param>
    /// <param name="orderedEntries">Entries in strictly ascending byte order of their keys.</param>
    /// <exception cref="ArgumentException">Keys are not strictly ascending, or a key or value is null or over its bound.</exception>
    public SnapshotInfo Save(ulong height, Hash256 stateRoot, IEnumerable<KeyValuePair<byte[], byte[]>> orderedEntries)
    {
        ArgumentNullException.ThrowIfNull(orderedEntries);
        var entries = orderedEntries as IReadOnlyCollection<KeyValuePair<byte[], byte[]>> ?? orderedEntries.ToList();
        return Save(height, stateRoot, entries, entries.Count);
    }

    /// <summary>
    /// As <see cref="Save(ulong, Hash256, IEnumerable{KeyValuePair{byte[], byte[]}})"/>, for entries
    /// whose number is known in advance: they are written as they are enumerated, never all held
    /// at once (a state of millions of entries would otherwise be copied into a list first).
    /// </summary>
    /// <exception cref="ArgumentException">Keys are not strictly ascending, a key or value is null or over its bound, or the entries are not <paramref name="count"/>.</exception>
    public SnapshotInfo Save(ulong height, Hash256 stateRoot, IEnumerable<KeyValuePair<byte[], byte[]>> orderedEntries, long count)
    {
        ArgumentNullException.ThrowIfNull(orderedEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            DeleteTempFiles(events: null);
            var path = Path.Combine(DirectoryPath, FileName(height));
            var temp = path + TempSuffix;
            long length;
            try
            {
                length = WriteFile(temp, height, stateRoot, orderedEntries, count);
                File.Move(temp, path, overwrite: true);
                DirectorySync.Flush(DirectoryPath);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }

            Prune();
            return new SnapshotInfo(height, stateRoot, count, path, length);
        }
    }

    /// <summary>
    /// Loads the newest snapshot whose checksum and structure verify. A damaged snapshot is
    /// reported in <paramref name="report"/>, renamed to <c>*.snap.corrupt</c> and skipped in
    /// favour of the next older one; leftover temporary files are deleted and reported.
    /// </summary>
    /// <returns>The loaded snapshot, or null (with no entries) when none verifies.</returns>
    public SnapshotInfo? TryLoadLatest(out IReadOnlyList<KeyValuePair<byte[], byte[]>> entries, out StoreOpenReport report)
    {
        lock (_gate)
        {
            var stopwatch = Stopwatch.StartNew();
            var events = new List<RecoveryEvent>();
            long records = 0;
            long bytes = 0;
            DeleteTempFiles(events);
            foreach (var (height, path) in ListSnapshots().OrderByDescending(s => s.Height))
            {
                try
                {
                    var (info, loaded) = ReadFile(path, height);
                    records += info.EntryCount;
                    bytes += info.FileLength;
                    entries = loaded;
                    report = new StoreOpenReport(events, records, bytes, stopwatch.Elapsed);
                    return info;
                }
                catch (StoreCorruptedException e)
                {
                    var reason = e.Offset is { } o
                        ? string.Create(CultureInfo.InvariantCulture, $"{e.Problem} (at byte offset {o})")
                        : e.Problem;
                    events.Add(new SnapshotRejected(path, reason, Quarantine(path)));
                }
                catch (IOException e)
                {
                    events.Add(new SnapshotRejected(path, $"cannot be read: {e.Message}", null));
                }
            }

            entries = [];
            report = new StoreOpenReport(events, records, bytes, stopwatch.Elapsed);
            return null;
        }
    }

    /// <summary>Where the snapshot of <paramref name="height"/> is (or would be) kept, for serving it to peers.</summary>
    public string PathOf(ulong height) => Path.Combine(DirectoryPath, FileName(height));

    /// <summary>
    /// A reader of a snapshot file that comes from elsewhere (a peer), checked as strictly as
    /// <see cref="TryLoadLatest"/> checks this store's own files and with the same bounds: the header
    /// and <paramref name="height"/> now, the entries and the checksum as they are read. The stream
    /// may still be arriving; nothing is moved.
    /// </summary>
    /// <exception cref="StoreCorruptedException">The header does not verify; the message says where and why.</exception>
    public SnapshotReader OpenForeign(Stream stream, long length, ulong height, string name) =>
        SnapshotReader.Open(stream, length, name, height, _options);

    /// <summary>
    /// Makes a verified file (read through <see cref="OpenForeign"/>) the snapshot of <paramref name="height"/>:
    /// fsynced, renamed into place, the directory fsynced, then retention applied as after a save.
    /// </summary>
    public void Adopt(string path, ulong height)
    {
        lock (_gate)
        {
            FlushToDisk(path);
            File.Move(path, PathOf(height), overwrite: true);
            DirectorySync.Flush(DirectoryPath);
            Prune();
        }
    }

    /// <summary>
    /// Fsyncs a file, such as a downloaded snapshot before <see cref="Adopt"/>: a caller can start it
    /// early, beside work on the CPU, so that the adoption's own fsync finds nothing left to write.
    /// </summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Heights of the snapshot files present (not verified), ascending.</summary>
    public IReadOnlyList<ulong> ListHeights()
    {
        lock (_gate)
        {
            return [.. ListSnapshots().Select(s => s.Height).Order()];
        }
    }

    internal static string FileName(ulong height) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{height:D20}{Extension}");

    private long WriteFile(string temp, ulong height, Hash256 stateRoot, IEnumerable<KeyValuePair<byte[], byte[]>> entries, long count)
    {
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var writer = new HashingWriter(stream);
        Span<byte> header = stackalloc byte[HeaderSize];
        StorageFormat.WriteFileHeader(header, StorageFormat.SnapshotMagic);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], height);
        stateRoot.CopyTo(header[24..]);
        BinaryPrimitives.WriteUInt64LittleEndian(header[56..], (ulong)count);
        writer.Write(header);

        Span<byte> length = stackalloc byte[4];
        byte[]? previous = null;
        long written = 0;
        foreach (var (key, value) in entries)
        {
            if (key is null || value is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Entry {written} has a null key or value."), nameof(entries));
            }

            if (key.Length > _options.MaxKeyBytes || value.Length > _options.MaxValueBytes)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Entry {written} has a {key.Length}-byte key and a {value.Length}-byte value; the bounds are {_options.MaxKeyBytes} and {_options.MaxValueBytes}."),
                    nameof(entries));
            }

            if (previous is not null && previous.AsSpan().SequenceCompareTo(key) >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Entry {written}: keys must be strictly ascending."), nameof(entries));
            }

            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)key.Length);
            writer.Write(length);
            writer.Write(key);
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)value.Length);
            writer.Write(length);
            writer.Write(value);
            previous = key;
            written++;
        }

        if (written != count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{written} entries were written where {count} were announced."), nameof(entries));
        }

        writer.Finish();
        stream.Flush(flushToDisk: true);
        return stream.Length;
    }

    private (SnapshotInfo Info, List<KeyValuePair<byte[], byte[]>> Entries) ReadFile(string path, ulong nameHeight)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        using var reader = SnapshotReader.Open(stream, stream.Length, path, nameHeight, _options);
        return (reader.Info, [.. reader.ReadEntries()]);
    }

    private List<(ulong Height, string Path)> ListSnapshots()
    {
        var list = new List<(ulong, string)>();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, Prefix + "*" + Extension))
        {
            var name = Path.GetFileName(path);
            if (name.Length == Prefix.Length + HeightDigits + Extension.Length
                && name.EndsWith(Extension, StringComparison.Ordinal)
                && ulong.TryParse(name.AsSpan(Prefix.Length, HeightDigits), NumberStyles.None, CultureInfo.InvariantCulture, out var height))
            {
                list.Add((height, path));
            }
        }

        return list;
    }

    private void Prune()
    {
        var doomed = ListSnapshots().OrderByDescending(s => s.Height).Skip(_options.Retain).ToList();
        foreach (var (_, path) in doomed)
        {
            File.Delete(path);
        }

        if (doomed.Count > 0)
        {
            DirectorySync.Flush(DirectoryPath);
        }
    }

    private void DeleteTempFiles(List<RecoveryEvent>? events)
    {
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, Prefix + "*" + Extension + TempSuffix))
        {
            if (!path.EndsWith(Extension + TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            File.Delete(path);
            events?.Add(new StaleFileDeleted(path));
        }
    }

    private static string? Quarantine(string path)
    {
        var target = path + CorruptSuffix;
        try
        {
            File.Move(path, target, overwrite: true);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The leftover is removed by the next save or load.
        }
    }

    /// <summary>Buffers writes to a stream and hashes every byte written; <see cref="Finish"/> appends the digest.</summary>
    private sealed class HashingWriter(Stream stream) : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[IoBufferSize];
        private int _used;

        public void Write(ReadOnlySpan<byte> data)
        {
            if (data.Length > _buffer.Length - _used)
            {
                Drain();
                if (data.Length >= _buffer.Length)
                {
                    _hash.AppendData(data);
                    stream.Write(data);
                    return;
                }
            }

            data.CopyTo(_buffer.AsSpan(_used));
            _used += data.Length;
        }

        public void Finish()
        {
            Drain();
            Span<byte> digest = stackalloc byte[Hash256.Size];
            _hash.GetHashAndReset(digest);
            stream.Write(digest);
        }

        public void Dispose() => _hash.Dispose();

        private void Drain()
        {
            _hash.AppendData(_buffer, 0, _used);
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
