using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// A zone transfer request (AXFR or IXFR question) decoded for the transfer path. Stricter than
/// most servers, and bounded: at most <see cref="MaxLength"/> bytes; one question; no answer
/// records; for IXFR exactly one authority record, the client's SOA owned by the zone name (RFC
/// 1995 §3), for AXFR none; at most <see cref="QueryParser.MaxAdditional"/> additional records,
/// at most one OPT and at most one TSIG, which must be the last (RFC 8945 §5.1); names read by
/// <see cref="QueryParser.ReadName"/> (label and name lengths, backward pointers only); and no
/// bytes after the last record. Anything else is FORMERR.
/// </summary>
internal sealed class TransferRequest
{
    /// <summary>Largest request decoded: an IXFR with its SOA, OPT and TSIG is a few hundred bytes.</summary>
    public const int MaxLength = 4096;

    private TransferRequest(ushort id, ushort flags, byte[] question, DnsName zone, RecordType type, ushort @class)
    {
        Id = id;
        Flags = flags;
        Question = question;
        Zone = zone;
        Type = type;
        Class = @class;
    }

    public ushort Id { get; }

    /// <summary>The request's header flags (RD and CD are copied to responses).</summary>
    public ushort Flags { get; }

    /// <summary>The question section as sent (name, type, class), echoed in the first response message.</summary>
    public byte[] Question { get; }

    /// <summary>The question name, lower-cased.</summary>
    public DnsName Zone { get; }

    public RecordType Type { get; }

    public ushort Class { get; }

    /// <summary>The serial of the client's SOA (IXFR only).</summary>
    public uint? ClientSerial { get; private init; }

    /// <summary>The UDP payload size of the request's OPT record; null without EDNS.</summary>
    public ushort? EdnsSize { get; private init; }

    public bool HasEdns => EdnsSize is not null;

    public TsigRecord? Tsig { get; private init; }

    /// <summary>True when <paramref name="packet"/> asks a standard query of type AXFR or IXFR: the ones the transfer path answers. Reads only the header and question.</summary>
    public static bool IsTransfer(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < QueryParser.HeaderLength || (packet[2] & 0xF8) != 0 || BinaryPrimitives.ReadUInt16BigEndian(packet[4..]) != 1)
        {
            return false;
        }

        // The first name of a message cannot be compressed (pointers go backwards), so skipping labels is enough.
        var position = QueryParser.HeaderLength;
        while (position < packet.Length && packet[position] is > 0 and <= DnsName.MaxLabelLength)
        {
            position += packet[position] + 1;
        }

        if (position + 3 > packet.Length || packet[position] != 0)
        {
            return false;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 1)..]);
        return type is (ushort)RecordType.AXFR or (ushort)RecordType.IXFR;
    }

    /// <summary>Decodes <paramref name="packet"/>; null when it breaks a rule in the class summary (the answer is FORMERR).</summary>
    public static TransferRequest? Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < QueryParser.HeaderLength || packet.Length > MaxLength)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        var authority = BinaryPrimitives.ReadUInt16BigEndian(packet[8..]);
        var additional = BinaryPrimitives.ReadUInt16BigEndian(packet[10..]);
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var position = QueryParser.HeaderLength;
        var nameLength = QueryParser.ReadName(packet, ref position, name);
        if ((flags & 0xF800) != 0 || questions != 1 || answers != 0 || additional > QueryParser.MaxAdditional || nameLength < 0 || packet.Length - position < 4)
        {
            return null;
        }

        var type = (RecordType)BinaryPrimitives.ReadUInt16BigEndian(packet[position..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 2)..]);
        position += 4;
        if (authority != (type == RecordType.IXFR ? 1 : 0) || type is not (RecordType.AXFR or RecordType.IXFR))
        {
            return null;
        }

        var zone = DnsName.FromWire(name[..nameLength]);
        uint? serial = null;
        if (type == RecordType.IXFR && !TryReadClientSoa(packet, ref position, zone, out serial))
        {
            return null;
        }

        ushort? ednsSize = null;
        TsigRecord? tsig = null;
        for (var i = 0; i < additional; i++)
        {
            if (tsig is not null || !TryReadAdditional(packet, ref position, ref ednsSize, ref tsig))
            {
                return null;
            }
        }

        if (position != packet.Length)
        {
            return null;
        }

        return new TransferRequest(BinaryPrimitives.ReadUInt16BigEndian(packet), flags, packet[QueryParser.HeaderLength..(QueryParser.HeaderLength + nameLength + 4)].ToArray(), zone, type, @class)
        {
            ClientSerial = serial,
            EdnsSize = ednsSize,
            Tsig = tsig,
        };
    }

    private static bool TryReadClientSoa(ReadOnlySpan<byte> packet, ref int position, DnsName zone, out uint? serial)
    {
        serial = null;
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var ownerLength = QueryParser.ReadName(packet, ref position, name);
        if (ownerLength < 0 || packet.Length - position < 10)
        {
            return false;
        }

        DnsName.LowerCase(name[..ownerLength]);
        var type = BinaryPrimitives.ReadUInt16BigEndian(packet[position..]);
        var dataLength = BinaryPrimitives.ReadUInt16BigEndian(packet[(position + 8)..]);
        position += 10;
        var end = position + dataLength;
        if (!name[..ownerLength].SequenceEqual(zone.Wire) || type != (ushort)RecordType.SOA || end > packet.Length)
        {
            return false;
        }

        // MNAME and RNAME (possibly compressed), then serial, refresh, retry, expire, minimum.
        if (QueryParser.ReadName(packet, ref position, name) < 0 || QueryParser.ReadName(packet, ref position, name) < 0 || end - position != 20)
        {
            return false;
        }

        serial = BinaryPrimitives.ReadUInt32BigEndian(packet[position..]);
        position = end;
        return true;
    }

    private static bool TryReadAdditional(ReadOnlySpan<byte> packet, ref int position, ref ushort? ednsSize, ref TsigRecord? tsig)
    {
        var start = position;
        Span<byte> owner = stackalloc byte[DnsName.MaxWireLength];
        var ownerLength = QueryParser.ReadName(packet, ref position, owner);
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

        var dataStart = position;
        position += dataLength;
        switch (type)
        {
            case (ushort)RecordType.OPT:
                if (ednsSize is not null || ownerLength != 1)
                {
                    return false;
                }

                ednsSize = @class;
                return true;
            case TsigRecord.Type:
                if (@class != TsigRecord.Class || ttl != 0)
                {
                    return false;
                }

                tsig = ReadTsig(packet, dataStart, position, DnsName.FromWire(owner[..ownerLength]), start);
                return tsig is not null;
            default:
                return true;
        }
    }

    /// <summary>The TSIG RDATA between <paramref name="at"/> and <paramref name="end"/>: algorithm, time (48 bits), fudge, MAC, original ID, error, other data.</summary>
    private static TsigRecord? ReadTsig(ReadOnlySpan<byte> packet, int at, int end, DnsName key, int offset)
    {
        Span<byte> algorithm = stackalloc byte[DnsName.MaxWireLength];
        var data = packet[..end];
        var algorithmLength = QueryParser.ReadName(data, ref at, algorithm);
        if (algorithmLength < 0 || end - at < 10)
        {
            return null;
        }

        var time = ((long)BinaryPrimitives.ReadUInt16BigEndian(data[at..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(data[(at + 2)..]);
        var fudge = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 6)..]);
        var macLength = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 8)..]);
        at += 10;
        if (macLength > TsigRecord.MaxMacLength || end - at < macLength + 6)
        {
            return null;
        }

        var mac = data.Slice(at, macLength).ToArray();
        at += macLength;
        var originalId = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        var error = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
        var otherLength = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 4)..]);
        at += 6;
        if (otherLength > TsigRecord.MaxOtherLength || end - at != otherLength)
        {
            return null;
        }

        return new TsigRecord
        {
            KeyName = key,
            Algorithm = DnsName.FromWire(algorithm[..algorithmLength]),
            TimeSigned = time,
            Fudge = fudge,
            Mac = mac,
            OriginalId = originalId,
            Error = error,
            Other = data.Slice(at, otherLength).ToArray(),
            Offset = offset,
        };
    }
}
