using System.Buffers.Binary;
using System.Globalization;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage.Tests;

/// <summary>A real, unique temporary directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roundtable-storage-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A fresh copy of this directory's files in a new temporary directory.</summary>
    public TempDirectory CopyTo()
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            System.IO.File.Copy(file, copy.File(System.IO.Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>
/// Test blocks: byte 0 = transaction count n, then n 32-byte transaction hashes, then filler
/// bytes derived from the height, so a block's content and its transactions are both checkable.
/// </summary>
internal static class Blocks
{
    public static Hash256 Tx(ulong height, int index, string salt = "") =>
        Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"tx-{height}-{index}{salt}")));

    public static Hash256[] Txs(ulong height, int count, string salt = "") =>
        [.. Enumerable.Range(0, count).Select(i => Tx(height, i, salt))];

    public static byte[] Payload(ulong height, IReadOnlyList<Hash256> txs, int filler)
    {
        var payload = new byte[1 + (txs.Count * Hash256.Size) + filler];
        payload[0] = (byte)txs.Count;
        for (var i = 0; i < txs.Count; i++)
        {
            txs[i].CopyTo(payload.AsSpan(1 + (i * Hash256.Size)));
        }

        for (var i = 1 + (txs.Count * Hash256.Size); i < payload.Length; i++)
        {
            payload[i] = (byte)((height * 31) + (ulong)i);
        }

        return payload;
    }

    /// <summary>The standard block of a height: (height % 3) transactions, 10..299 filler bytes.</summary>
    public static byte[] Payload(ulong height) => Payload(height, Txs(height, (int)(height % 3)), (int)(10 + (height * 37 % 290)));

    public static Hash256[] TxsOf(ulong height) => Txs(height, (int)(height % 3));

    public static IReadOnlyList<Hash256> Extract(ulong height, ReadOnlySpan<byte> payload)
    {
        var count = payload[0];
        var txs = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            txs[i] = Hash256.FromBytes(payload.Slice(1 + (i * Hash256.Size), Hash256.Size));
        }

        return txs;
    }

    /// <summary>Appends the standard blocks first..last; returns each record's start offset in its segment.</summary>
    public static Dictionary<ulong, long> AppendRange(BlockStore store, ulong first, ulong last, bool sync = true)
    {
        var offsets = new Dictionary<ulong, long>();
        for (var h = first; h <= last; h++)
        {
            var segment = LastSegment(store.DirectoryPath);
            var before = new FileInfo(segment).Length;
            store.Append(h, Payload(h), TxsOf(h), sync);
            offsets[h] = LastSegment(store.DirectoryPath) == segment ? before : StorageFormat.FileHeaderSize;
        }

        return offsets;
    }

    /// <summary>Byte offset of transaction-index entry number <paramref name="entry"/>.</summary>
    public static long TxEntryOffset(long entry) => StorageFormat.FileHeaderSize + (entry * BlockStore.TxEntrySize);

    /// <summary>Every transaction of the standard blocks 1..last is found at its height and position.</summary>
    public static void AssertAllIndexed(BlockStore store, ulong last)
    {
        for (ulong h = 1; h <= last; h++)
        {
            var txs = TxsOf(h);
            for (var i = 0; i < txs.Length; i++)
            {
                Assert.True(store.TryFindTransaction(txs[i], out var location), $"tx {i} of block {h}");
                Assert.Equal(new TxLocation(h, i), location);
            }
        }
    }

    public static string LastSegment(string directory) =>
        Directory.EnumerateFiles(directory, "blocks-*.seg").Order(StringComparer.Ordinal).Last();

    public static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    public static void Patch(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Position = offset;
        stream.Write(bytes);
    }

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0x5A));
    }

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }
}
