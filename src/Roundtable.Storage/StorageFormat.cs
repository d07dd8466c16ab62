using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Roundtable.Storage;

/// <summary>Constants and small helpers shared by the file formats (see docs/storage.md).</summary>
internal static class StorageFormat
{
    /// <summary>Every file starts with 8 magic bytes, a u32 version and a u32 that must be zero.</summary>
    public const int FileHeaderSize = 16;

    /// <summary>The only format version written and read.</summary>
    public const uint Version = 1;

    /// <summary>Magic of a block segment file.</summary>
    public static ReadOnlySpan<byte> SegmentMagic => "RTBLKSEG"u8;

    /// <summary>Magic of the transaction index file.</summary>
    public static ReadOnlySpan<byte> TxIndexMagic => "RTTXINDX"u8;

    /// <summary>Magic of a snapshot file.</summary>
    public static ReadOnlySpan<byte> SnapshotMagic => "RTSNAPSH"u8;

    public static void WriteFileHeader(Span<byte> destination, ReadOnlySpan<byte> magic)
    {
        magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], 0);
    }

    /// <summary>Null when <paramref name="header"/> is a valid header with <paramref name="magic"/>, else what is wrong.</summary>
    public static string? CheckFileHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic)
    {
        if (header.Length < FileHeaderSize)
        {
            return string.Create(CultureInfo.InvariantCulture, $"file header is incomplete ({header.Length} of {FileHeaderSize} bytes)");
        }

        if (!header[..8].SequenceEqual(magic))
        {
            return $"bad file magic {Convert.ToHexString(header[..8])}, expected {Convert.ToHexString(magic)} (\"{System.Text.Encoding.ASCII.GetString(magic)}\")";
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            return string.Create(CultureInfo.InvariantCulture, $"unsupported format version {version} (this build reads version {Version})");
        }

        var reserved = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        return reserved != 0
            ? string.Create(CultureInfo.InvariantCulture, $"reserved header field is {reserved:X8}, expected 0")
            : null;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the file ends; returns the bytes read.</summary>
    public static int ReadAtMost(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Writes a fresh file holding only a header, fsyncs it and its directory.</summary>
    public static SafeFileHandle CreateWithHeader(string path, ReadOnlySpan<byte> magic, FileMode mode)
    {
        var handle = File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            Span<byte> header = stackalloc byte[FileHeaderSize];
            WriteFileHeader(header, magic);
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, header, 0);
            RandomAccess.FlushToDisk(handle);
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
