using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage;

/// <summary>
/// Reads one snapshot file (docs/storage.md) from a stream, checking it as it goes: the header
/// and its height when opened, then each entry's bounds and key order as <see cref="ReadEntries"/>
/// hands it out, and after the last entry that nothing else precedes the trailing checksum and
/// that the checksum is the SHA-256 of everything before it. A consumer that builds from the
/// entries while they stream (a node joining by snapshot builds its state while the file is still
/// downloading) must treat what it built as unverified until the enumeration has ended without
/// an exception.
/// </summary>
public sealed class SnapshotReader : IDisposable
{
    private readonly string _name;
    private readonly SnapshotStoreOptions _options;
    private readonly HashingReader _reader;
    private bool _read;

    private SnapshotReader(Stream stream, long length, string name, ulong height, SnapshotStoreOptions options)
    {
        _name = name;
        _options = options;
        _reader = new HashingReader(stream, name, length - Hash256.Size);
        try
        {
            Info = ReadHeader(length, height);
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    /// <summary>The file's header: height, state root, entry count (not yet checked against the entries).</summary>
    public SnapshotInfo Info { get; }

    /// <summary>
    /// Reads and checks the header of the snapshot file of <paramref name="length"/> bytes in
    /// <paramref name="stream"/>; <paramref name="name"/> names it in errors and in <see cref="Info"/>.
    /// </summary>
    /// <exception cref="StoreCorruptedException">The file is too short, its header is not a snapshot header, or its height is not <paramref name="height"/>.</exception>
    public static SnapshotReader Open(Stream stream, long length, string name, ulong height, SnapshotStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new SnapshotStoreOptions();
        options.Validate();
        if (length < SnapshotStore.HeaderSize + Hash256.Size)
        {
            throw new StoreCorruptedException(name, null, string.Create(
                CultureInfo.InvariantCulture,
                $"file is {length} bytes, shorter than a header and checksum ({SnapshotStore.HeaderSize + Hash256.Size} bytes)"));
        }

        return new SnapshotReader(stream, length, name, height, options);
    }

    /// <summary>
    /// The entries in file order, each checked before it is handed out; once, since the stream is
    /// read as it goes. The trailing checksum is checked after the last entry, so an enumeration
    /// that ends normally has read a file that verifies.
    /// </summary>
    /// <exception cref="StoreCorruptedException">An entry is over its bounds or out of order, bytes are left over, or the checksum does not match.</exception>
    /// <exception cref="InvalidOperationException">The entries were already read.</exception>
    public IEnumerable<KeyValuePair<byte[], byte[]>> ReadEntries()
    {
        if (_read)
        {
            throw new InvalidOperationException("A snapshot's entries are read once.");
        }

        _read = true;
        return Entries();
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private SnapshotInfo ReadHeader(long length, ulong nameHeight)
    {
        Span<byte> header = stackalloc byte[SnapshotStore.HeaderSize];
        _reader.ReadExactly(header);
        if (StorageFormat.CheckFileHeader(header, StorageFormat.SnapshotMagic) is { } problem)
        {
            throw new StoreCorruptedException(_name, 0, $"bad snapshot header: {problem}");
        }

        var height = BinaryPrimitives.ReadUInt64LittleEndian(header[16..]);
        var stateRoot = Hash256.FromBytes(header.Slice(24, Hash256.Size));
        var count = BinaryPrimitives.ReadUInt64LittleEndian(header[56..]);
        if (height != nameHeight)
        {
            throw new StoreCorruptedException(_name, 16, string.Create(CultureInfo.InvariantCulture, $"header height {height} does not match the file name"));
        }

        // Every entry takes at least its two 4-byte lengths, which bounds the count by the file size.
        var maxCount = (ulong)(length - Hash256.Size - SnapshotStore.HeaderSize) / 8;
        if (count > maxCount)
        {
            throw new StoreCorruptedException(_name, 56, string.Create(
                CultureInfo.InvariantCulture,
                $"entry count {count} cannot fit in the file (at most {maxCount})"));
        }

        return new SnapshotInfo(height, stateRoot, (long)count, _name, length);
    }

    private IEnumerable<KeyValuePair<byte[], byte[]>> Entries()
    {
        var count = (ulong)Info.EntryCount;
        var lengthBytes = new byte[4];
        byte[]? previous = null;
        for (ulong i = 0; i < count; i++)
        {
            var at = _reader.Position;
            _reader.ReadExactly(lengthBytes);
            var key = new byte[ReadBoundedLength(at, lengthBytes, _options.MaxKeyBytes, "key", i)];
            _reader.ReadExactly(key);
            if (previous is not null && previous.AsSpan().SequenceCompareTo(key) >= 0)
            {
                throw new StoreCorruptedException(_name, at, string.Create(CultureInfo.InvariantCulture, $"entry {i}: keys are not strictly ascending"));
            }

            at = _reader.Position;
            _reader.ReadExactly(lengthBytes);
            var value = new byte[ReadBoundedLength(at, lengthBytes, _options.MaxValueBytes, "value", i)];
            _reader.ReadExactly(value);
            previous = key;
            yield return new KeyValuePair<byte[], byte[]>(key, value);
        }

        if (_reader.Position != _reader.Limit)
        {
            throw new StoreCorruptedException(_name, _reader.Position, string.Create(
                CultureInfo.InvariantCulture,
                $"{_reader.Limit - _reader.Position} unexpected byte(s) between the last entry and the checksum"));
        }

        _reader.VerifyChecksum();
    }

    private int ReadBoundedLength(long offset, ReadOnlySpan<byte> bytes, int max, string what, ulong entry)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        return value <= (uint)max
            ? (int)value
            : throw new StoreCorruptedException(_name, offset, string.Create(
                CultureInfo.InvariantCulture,
                $"entry {entry}: {what} length {value} exceeds the bound of {max} bytes"));
    }

    /// <summary>
    /// Reads a stream up to <see cref="Limit"/> (where the trailing checksum starts) through a
    /// buffer, hashing each byte once; reading past the limit is reported as a truncated file.
    /// </summary>
    private sealed class HashingReader(Stream stream, string name, long limit) : IDisposable
    {
        private const int BufferSize = 1 << 16;

        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;
        private long _filled;

        public long Limit { get; } = limit;

        public long Position => _filled - (_end - _start);

        public void ReadExactly(Span<byte> destination)
        {
            while (!destination.IsEmpty)
            {
                if (_start == _end)
                {
                    Refill(Position);
                }

                var n = Math.Min(destination.Length, _end - _start);
                _buffer.AsSpan(_start, n).CopyTo(destination);
                _start += n;
                destination = destination[n..];
            }
        }

        public void VerifyChecksum()
        {
            Span<byte> stored = stackalloc byte[Hash256.Size];
            stream.ReadExactly(stored);
            Span<byte> actual = stackalloc byte[Hash256.Size];
            _hash.GetHashAndReset(actual);
            if (!stored.SequenceEqual(actual))
            {
                throw new StoreCorruptedException(name, Limit, $"SHA-256 checksum mismatch: stored {Convert.ToHexStringLower(stored)}, computed {Convert.ToHexStringLower(actual)}");
            }
        }

        public void Dispose() => _hash.Dispose();

        private void Refill(long at)
        {
            var want = (int)Math.Min(_buffer.Length, Limit - _filled);
            if (want <= 0)
            {
                throw new StoreCorruptedException(name, at, "the entries run into the trailing checksum (truncated file or corrupt length)");
            }

            stream.ReadExactly(_buffer, 0, want);
            _hash.AppendData(_buffer, 0, want);
            _filled += want;
            _start = 0;
            _end = want;
        }
    }
}
