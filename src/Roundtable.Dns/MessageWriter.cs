using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// Writes resource records into a response buffer after its question, compressing owner names and
/// the RDATA names RFC 3597 §4 allows. Compression targets are found by comparing suffixes with
/// names already in the buffer (kept as a short list of label offsets), so writing allocates nothing.
/// With signatures on (DO bit, signed zone), each RRset is followed by its RRSIGs, owned like it.
/// </summary>
internal ref struct MessageWriter
{
    /// <summary>Offset of the question name in every message (right after the 12-byte header).</summary>
    public const int QuestionOffset = 12;

    private const int MaxPointerTarget = 0x3FFF;

    private readonly Span<byte> buffer;
    private readonly Span<int> labelOffsets;
    private readonly bool withSignatures;
    private int labelCount;

    /// <summary>
    /// Starts after a question already in <paramref name="buffer"/> at offset 12 and ending at
    /// <paramref name="position"/>; with <paramref name="hasQuestion"/> false (later messages of a
    /// zone transfer) records start right after the header.
    /// </summary>
    public MessageWriter(Span<byte> buffer, Span<int> labelOffsets, int position, bool withSignatures, bool hasQuestion = true)
    {
        this.buffer = buffer;
        this.labelOffsets = labelOffsets;
        this.withSignatures = withSignatures;
        Position = position;
        for (var i = QuestionOffset; hasQuestion && buffer[i] != 0; i += buffer[i] + 1)
        {
            Remember(i);
        }
    }

    public int Position { get; private set; }

    /// <summary>Writes every record of each placed RRset; returns the number of records written.</summary>
    public ushort Write(List<PlacedSet> sets)
    {
        var count = 0;
        foreach (var placed in sets)
        {
            count += Write(placed, placed.Set);
            if (withSignatures && placed.Set.Signatures is { } signatures)
            {
                count += Write(placed, signatures);
            }
        }

        return (ushort)count;
    }

    /// <summary>Writes one record under <paramref name="owner"/>; zone transfers write record by record to split messages between any two.</summary>
    public void WriteRecord(DnsName owner, RecordType type, uint ttl, Rdata record)
    {
        WriteName(owner.Wire, compress: true);
        WriteAfterOwner(type, ttl, record);
    }

    /// <summary>Writes the records of <paramref name="set"/> owned as <paramref name="placed"/> says.</summary>
    private int Write(PlacedSet placed, RRset set)
    {
        foreach (var record in set.Records)
        {
            WriteOwner(placed);
            WriteAfterOwner(set.Type, set.Ttl, record);
        }

        return set.Records.Length;
    }

    private void WriteAfterOwner(RecordType type, uint ttl, Rdata record)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer[Position..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(Position + 2)..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(Position + 4)..], ttl);
        var lengthAt = Position + 8;
        Position += 10;
        WriteRdata(record);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[lengthAt..], (ushort)(Position - lengthAt - 2));
    }

    private void WriteOwner(PlacedSet placed)
    {
        if (placed.OwnerIsQuestion)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer[Position..], 0xC000 | QuestionOffset);
            Position += 2;
            return;
        }

        WriteName((placed.Owner ?? placed.Set.Owner).Wire, compress: true);
    }

    private void WriteRdata(Rdata record)
    {
        record.Prefix.CopyTo(buffer[Position..]);
        Position += record.Prefix.Length;
        foreach (var name in record.Names)
        {
            WriteName(name.Wire, record.Compressible);
        }

        record.Suffix.CopyTo(buffer[Position..]);
        Position += record.Suffix.Length;
    }

    private void WriteName(ReadOnlySpan<byte> name, bool compress)
    {
        var start = 0;
        while (name[start] != 0)
        {
            if (compress && FindSuffix(name[start..]) is var target and >= 0)
            {
                BinaryPrimitives.WriteUInt16BigEndian(buffer[Position..], (ushort)(0xC000 | target));
                Position += 2;
                return;
            }

            var labelLength = name[start] + 1;
            if (compress)
            {
                Remember(Position);
            }

            name.Slice(start, labelLength).CopyTo(buffer[Position..]);
            Position += labelLength;
            start += labelLength;
        }

        buffer[Position++] = 0;
    }

    private void Remember(int offset)
    {
        if (offset <= MaxPointerTarget && labelCount < labelOffsets.Length)
        {
            labelOffsets[labelCount++] = offset;
        }
    }

    private readonly int FindSuffix(ReadOnlySpan<byte> suffix)
    {
        for (var k = 0; k < labelCount; k++)
        {
            if (NameAtEquals(labelOffsets[k], suffix))
            {
                return labelOffsets[k];
            }
        }

        return -1;
    }

    /// <summary>Compares the (possibly compressed, possibly mixed-case) name at <paramref name="offset"/> with a lower-case wire name.</summary>
    private readonly bool NameAtEquals(int offset, ReadOnlySpan<byte> name)
    {
        var i = 0;
        while (true)
        {
            var length = buffer[offset];
            if ((length & 0xC0) == 0xC0)
            {
                // Our own pointers always point backwards, so this ends.
                offset = ((length & 0x3F) << 8) | buffer[offset + 1];
                continue;
            }

            if (length != name[i])
            {
                return false;
            }

            if (length == 0)
            {
                return true;
            }

            for (var j = 1; j <= length; j++)
            {
                var b = buffer[offset + j];
                if (b is >= (byte)'A' and <= (byte)'Z')
                {
                    b |= 0x20;
                }

                if (b != name[i + j])
                {
                    return false;
                }
            }

            offset += length + 1;
            i += length + 1;
        }
    }
}
