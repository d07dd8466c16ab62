using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>What the parser concluded about a packet, before any zone is consulted.</summary>
internal enum QueryStatus
{
    /// <summary>A well-formed standard query.</summary>
    Valid,

    /// <summary>Not worth an answer: shorter than a header, or a response (QR=1), which must never be answered (no reflection loops).</summary>
    Drop,

    /// <summary>Malformed: FORMERR.</summary>
    FormatError,

    /// <summary>An opcode other than QUERY: NOTIMP.</summary>
    NotImplemented,

    /// <summary>EDNS version above 0: BADVERS (RFC 6891 §6.1.3).</summary>
    BadVersion,
}

/// <summary>The fields of a query the answer engine needs. The name itself is in the caller's buffer.</summary>
internal struct QueryFields
{
    public ushort Id;
    public ushort Flags;
    public int Opcode;
    public bool HasQuestion;
    public int NameLength;
    public ushort Type;
    public ushort Class;
    public bool HasEdns;
    public ushort UdpSize;
    public byte EdnsVersion;

    /// <summary>The DO bit of the OPT record (RFC 3225): the client wants DNSSEC records.</summary>
    public bool DnssecOk;
}

/// <summary>
/// Decodes a DNS query from bytes without allocating. Strict by design, since a query is small
/// and fixed in shape: exactly one question; no answer or authority records; at most
/// <see cref="MaxAdditional"/> additional records, of which at most one OPT, owned by the root;
/// names with labels of at most 63 bytes, at most 255 bytes in all, compression pointers only
/// backwards and at most <see cref="MaxPointers"/> of them; and nothing after the last record.
/// </summary>
internal static class QueryParser
{
    public const int HeaderLength = 12;

    /// <summary>Additional records a query may carry (OPT, TSIG, and room for a few more).</summary>
    public const int MaxAdditional = 4;

    /// <summary>Compression pointers followed in one name; more is a loop or an attack.</summary>
    public const int MaxPointers = 16;

    /// <summary>Parses <paramref name="packet"/>; the question name, uncompressed and with its case as sent, goes to <paramref name="name"/> (at least 255 bytes).</summary>
    public static QueryStatus Parse(ReadOnlySpan<byte> packet, Span<byte> name, out QueryFields fields)
    {
        fields = default;
        if (packet.Length < HeaderLength)
        {
            return QueryStatus.Drop;
        }

        fields.Id = BinaryPrimitives.ReadUInt16BigEndian(packet);
        fields.Flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if ((fields.Flags & 0x8000) != 0)
        {
            return QueryStatus.Drop;
        }

        fields.Opcode = (fields.Flags >> 11) & 0xF;
        var questions = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        var authority = BinaryPrimitives.ReadUInt16BigEndian(packet[8..]);
        var additional = BinaryPrimitives.ReadUInt16BigEndian(packet[10..]);
        var position = HeaderLength;
        if (questions == 1 && ReadQuestion(packet, ref position, name, ref fields))
        {
            fields.HasQuestion = true;
        }

        if (fields.Opcode != 0)
        {
            return QueryStatus.NotImplemented;
        }

        if (!fields.HasQuestion || answers != 0 || authority != 0 || additional > MaxAdditional)
        {
            fields.HasQuestion = false;
            return QueryStatus.FormatError;
        }

        for (var i = 0; i < additional; i++)
        {
            if (!ReadAdditional(packet, ref position, ref fields))
            {
                return QueryStatus.FormatError;
            }
        }

        if (position != packet.Length)
        {
            return QueryStatus.FormatError;
        }

        return fields.HasEdns && fields.EdnsVersion > 0 ? QueryStatus.BadVersion : QueryStatus.Valid;
    }

    private static bool ReadQuestion(ReadOnlySpan<byte> packet, ref int position, Span<byte> name, ref QueryFields fields)
    {
        var length = ReadName(packet, ref position, name);
        if (length < 0 || packet.Length - position < 4)
        {
            return false;
        }

        fields.NameLength = length;
        fields.Type = BinaryPrimitives.ReadUInt16BigEndian(packet[position..]);
        fields.Class = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 2)..]);
        position += 4;
        return true;
    }

    private static bool ReadAdditional(ReadOnlySpan<byte> packet, ref int position, ref QueryFields fields)
    {
        Span<byte> owner = stackalloc byte[DnsName.MaxWireLength];
        var ownerLength = ReadName(packet, ref position, owner);
        if (ownerLength < 0 || packet.Length - position < 10)
        {
            return false;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(packet[position..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 2)..]);
        var ttl = BinaryPrimitives.ReadUInt32BigEndian(packet[(position + 4)..]);
        var dataLength = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 8)..]);
        position += 10;
        if (packet.Length - position < dataLength)
        {
            return false;
        }

        var data = packet.Slice(position, dataLength);
        position += dataLength;
        if (type != (ushort)RecordType.OPT)
        {
            return true;
        }

        // RFC 6891 §6.1.1: one OPT, owned by the root; its options must fill the RDATA exactly.
        if (fields.HasEdns || ownerLength != 1 || !OptionsWellFormed(data))
        {
            return false;
        }

        fields.HasEdns = true;
        fields.UdpSize = @class;
        fields.EdnsVersion = (byte)(ttl >> 16);
        fields.DnssecOk = (ttl & 0x8000) != 0;
        return true;
    }

    private static bool OptionsWellFormed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (data.Length < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
            if (data.Length - 4 < length)
            {
                return false;
            }

            data = data[(4 + length)..];
        }

        return true;
    }

    /// <summary>
    /// Reads a possibly compressed name into <paramref name="name"/> uncompressed, case kept;
    /// returns its wire length, or -1 when it breaks a rule (see the class summary).
    /// </summary>
    internal static int ReadName(ReadOnlySpan<byte> packet, ref int position, Span<byte> name)
    {
        var at = position;
        var written = 0;
        var pointers = 0;
        var end = -1;
        while (true)
        {
            if (at >= packet.Length)
            {
                return -1;
            }

            var length = packet[at];
            if ((length & 0xC0) == 0xC0)
            {
                if (at + 1 >= packet.Length || ++pointers > MaxPointers)
                {
                    return -1;
                }

                var target = ((length & 0x3F) << 8) | packet[at + 1];

                // Only backwards, and never into the header: this makes loops impossible.
                if (target >= at || target < HeaderLength)
                {
                    return -1;
                }

                if (end < 0)
                {
                    end = at + 2;
                }

                at = target;
                continue;
            }

            if ((length & 0xC0) != 0 || length > DnsName.MaxLabelLength || written + length + 1 > DnsName.MaxWireLength || at + length >= packet.Length)
            {
                return -1;
            }

            packet.Slice(at, length + 1).CopyTo(name[written..]);
            written += length + 1;
            at += length + 1;
            if (length == 0)
            {
                position = end < 0 ? at : end;
                return written;
            }
        }
    }
}
