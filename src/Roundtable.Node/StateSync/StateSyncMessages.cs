using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.StateSync;

/// <summary>A request for the snapshots a peer can serve; it has no fields.</summary>
public sealed record SnapshotsRequestMessage : ICanonical<SnapshotsRequestMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        // No fields: the type says it all.
    }

    /// <inheritdoc />
    public static SnapshotsRequestMessage Decode(ref CanonicalReader reader) => new();
}

/// <summary>
/// A snapshot a peer can serve: the state after block <paramref name="Height"/>, the root it
/// records, the file's size and its checksum (the file's last 32 bytes, the SHA-256 of the rest).
/// Nothing in it is trusted: the joining node checks the root against a header it verified and
/// the checksum against the bytes it downloaded.
/// </summary>
public sealed record SnapshotOfferMessage(ulong Height, Hash256 StateRoot, long Size, Hash256 Checksum) : ICanonical<SnapshotOfferMessage>
{
    /// <summary>Bytes in every chunk but the last.</summary>
    public const int ChunkSize = 1024 * 1024;

    /// <summary>Largest snapshot offered or accepted (8 GiB, 8,192 chunks).</summary>
    public const long MaxSize = 8L * 1024 * 1024 * 1024;

    /// <summary>Smallest snapshot file: its 64-byte header and its 32-byte checksum (docs/storage.md).</summary>
    public const long MinSize = 64 + Hash256.Size;

    /// <summary>How many chunks the file is split into.</summary>
    public int ChunkCount => (int)((Size + ChunkSize - 1) / ChunkSize);

    /// <summary>The length chunk <paramref name="index"/> must have.</summary>
    public int ChunkLength(int index) => (int)Math.Min(ChunkSize, Size - ((long)index * ChunkSize));

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteHash(StateRoot);
        writer.WriteVarUInt((ulong)Size);
        writer.WriteHash(Checksum);
    }

    /// <inheritdoc />
    public static SnapshotOfferMessage Decode(ref CanonicalReader reader)
    {
        var height = reader.ReadVarUInt();
        var root = reader.ReadHash();
        var size = (long)reader.ReadVarUInt((ulong)MaxSize, "snapshot size");
        if (height == 0 || size < MinSize)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"A snapshot offer needs a height and at least {MinSize} bytes.");
        }

        return new SnapshotOfferMessage(height, root, size, reader.ReadHash());
    }
}

/// <summary>A request for chunk <paramref name="Index"/> of the snapshot at <paramref name="Height"/>.</summary>
public sealed record ChunkRequestMessage(ulong Height, int Index) : ICanonical<ChunkRequestMessage>
{
    /// <summary>The highest chunk index of the largest snapshot.</summary>
    public const int MaxIndex = (int)(SnapshotOfferMessage.MaxSize / SnapshotOfferMessage.ChunkSize) - 1;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt((ulong)Index);
    }

    /// <inheritdoc />
    public static ChunkRequestMessage Decode(ref CanonicalReader reader) =>
        new(reader.ReadVarUInt(), reader.ReadLength(MaxIndex, "chunk index"));
}

/// <summary>Chunk <paramref name="Index"/> of the snapshot at <paramref name="Height"/>: at most <see cref="SnapshotOfferMessage.ChunkSize"/> bytes.</summary>
public sealed record ChunkResponseMessage(ulong Height, int Index, byte[] Bytes) : ICanonical<ChunkResponseMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt((ulong)Index);
        writer.WriteBytes(Bytes);
    }

    /// <inheritdoc />
    public static ChunkResponseMessage Decode(ref CanonicalReader reader) => new(
        reader.ReadVarUInt(),
        reader.ReadLength(ChunkRequestMessage.MaxIndex, "chunk index"),
        reader.ReadBytes(SnapshotOfferMessage.ChunkSize, "chunk").ToArray());
}

/// <summary>A request for the light block at <paramref name="Height"/>.</summary>
public sealed record LightBlockRequestMessage(ulong Height) : ICanonical<LightBlockRequestMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(Height);

    /// <inheritdoc />
    public static LightBlockRequestMessage Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}

/// <summary>The light block at <paramref name="Height"/>, or none when the sender does not have it.</summary>
public sealed record LightBlockResponseMessage(ulong Height, LightBlock? Block) : ICanonical<LightBlockResponseMessage>
{
    /// <summary>Largest encoded light block accepted (header, commit and two validator sets).</summary>
    public const int MaxLightBlockBytes = 1024 * 1024;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteOptional(Block, static (w, b) => w.WriteBytes(b.ToBytes()));
    }

    /// <inheritdoc />
    public static LightBlockResponseMessage Decode(ref CanonicalReader reader)
    {
        var height = reader.ReadVarUInt();
        var block = reader.ReadOptionalMarker() ? LightBlock.Decode(reader.ReadBytes(MaxLightBlockBytes, "light block")) : null;
        if (block is not null && block.Header.Height != height)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"The light block is of height {block.Header.Height}, not {height}.");
        }

        return new LightBlockResponseMessage(height, block);
    }
}
