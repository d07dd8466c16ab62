using System.Buffers.Binary;
using Roundtable.Consensus;
using Roundtable.Core.Encoding;
using Roundtable.Storage;

namespace Roundtable.Node.Consensus;

/// <summary>
/// The validator's write-ahead log of what it signed at the current height. Every entry is
/// fsynced before the signed message leaves the node, so a restarted validator repeats exactly
/// what it signed and never signs a conflicting message. Records: [u32 length][u32 CRC32C][entry].
/// </summary>
public sealed class ConsensusWal : IDisposable
{
    private const int MaxEntryBytes = 32 * 1024 * 1024;
    private readonly FileStream _file;
    private ulong _height;

    private ConsensusWal(FileStream file, IReadOnlyList<WalEntry> entries)
    {
        _file = file;
        Entries = entries;
        _height = entries.Count == 0 ? 0 : entries.Max(e => e.Height);
    }

    /// <summary>What the log held at open (after repairing a torn tail).</summary>
    public IReadOnlyList<WalEntry> Entries { get; }

    /// <summary>Opens the log; a torn or corrupt tail is cut off and described in <paramref name="repair"/> (null when clean).</summary>
    public static ConsensusWal Open(string path, out string? repair)
    {
        repair = null;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var entries = new List<WalEntry>();
        var header = new byte[8];
        long good = 0;
        while (true)
        {
            file.Position = good;
            if (file.Read(header) < header.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            if (length <= 0 || length > MaxEntryBytes || good + 8 + length > file.Length)
            {
                break;
            }

            var payload = new byte[length];
            file.ReadExactly(payload);
            if (Crc32C.Compute(payload) != crc)
            {
                break;
            }

            try
            {
                entries.Add(Canonical.FromBytes<WalEntry>(payload));
            }
            catch (DecodeException)
            {
                break;
            }

            good += 8 + length;
        }

        if (good < file.Length)
        {
            repair = $"Consensus WAL {path}: cut {file.Length - good} damaged byte(s) at offset {good} (a write torn by a crash).";
            file.SetLength(good);
            file.Flush(flushToDisk: true);
        }

        file.Position = good;
        return new ConsensusWal(file, entries);
    }

    /// <summary>Appends an entry and fsyncs. Entries of an older height are discarded first: that height is committed.</summary>
    public void Append(WalEntry entry)
    {
        if (entry.Height > _height)
        {
            _file.SetLength(0);
            _file.Position = 0;
            _height = entry.Height;
        }

        // Sized for the block an entry may carry, so a block-sized entry is written without copies.
        var writer = new CanonicalWriter(1024 + (entry.Block?.Encoded.Length ?? 0));
        entry.Encode(writer);
        var payload = writer.WrittenSpan;
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], Crc32C.Compute(payload));
        _file.Write(header);
        _file.Write(payload);
        _file.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
