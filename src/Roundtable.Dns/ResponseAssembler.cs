using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// Lays out a response in the caller's buffer: header (ID and RD/CD copied from the query, QR
/// set, RA and AD clear), the question exactly as asked, the sections, and an OPT record when
/// the query had one. Truncation keeps only header, question and OPT, with TC set.
/// </summary>
internal static class ResponseAssembler
{
    /// <summary>Room for the largest DNS message (TCP's 16-bit length).</summary>
    public const int BufferSize = 65535;

    /// <summary>Label offsets remembered for compression in one message.</summary>
    public const int CompressionSlots = 64;

    /// <summary>Wire length of the OPT record this server sends: root owner, type, class, TTL, empty RDATA.</summary>
    public const int OptLength = 11;

    /// <summary>The DO bit in the OPT record's TTL field.</summary>
    public const uint DoBit = 0x8000;

    public const byte FormErr = 1;
    public const byte ServFail = 2;
    public const byte NotImp = 4;
    public const byte Refused = 5;

    /// <summary>BADVERS (16) does not fit the header's 4 bits; its upper 8 bits go in the OPT TTL (RFC 6891 §6.1.3).</summary>
    public const int BadVers = 16;

    /// <summary>Writes header and question; returns the position after the question (12 when there is none).</summary>
    public static int Begin(Span<byte> response, in QueryFields query, ReadOnlySpan<byte> name, int rcode, bool authoritative)
    {
        BinaryPrimitives.WriteUInt16BigEndian(response, query.Id);
        var flags = 0x8000 | (query.Opcode << 11) | (query.Flags & 0x0110) | (rcode & 0xF);
        if (authoritative)
        {
            flags |= 0x0400;
        }

        BinaryPrimitives.WriteUInt16BigEndian(response[2..], (ushort)flags);
        response[4..12].Clear();
        if (!query.HasQuestion)
        {
            return QueryParser.HeaderLength;
        }

        BinaryPrimitives.WriteUInt16BigEndian(response[4..], 1);
        name[..query.NameLength].CopyTo(response[12..]);
        var position = 12 + query.NameLength;
        BinaryPrimitives.WriteUInt16BigEndian(response[position..], query.Type);
        BinaryPrimitives.WriteUInt16BigEndian(response[(position + 2)..], query.Class);
        return position + 4;
    }

    /// <summary>Sets the answer, authority and additional counts.</summary>
    public static void SetCounts(Span<byte> response, int answers, int authority, int additional)
    {
        BinaryPrimitives.WriteUInt16BigEndian(response[6..], (ushort)answers);
        BinaryPrimitives.WriteUInt16BigEndian(response[8..], (ushort)authority);
        BinaryPrimitives.WriteUInt16BigEndian(response[10..], (ushort)additional);
    }

    /// <summary>Appends our OPT record (version 0) advertising <paramref name="udpSize"/>, with the query's DO bit copied (RFC 3225 §3).</summary>
    public static int AppendOpt(Span<byte> response, int position, ushort udpSize, int extendedRcode, bool dnssecOk)
    {
        response[position] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(response[(position + 1)..], (ushort)RecordType.OPT);
        BinaryPrimitives.WriteUInt16BigEndian(response[(position + 3)..], udpSize);
        BinaryPrimitives.WriteUInt32BigEndian(response[(position + 5)..], ((uint)(extendedRcode >> 4) << 24) | (dnssecOk ? DoBit : 0u));
        BinaryPrimitives.WriteUInt16BigEndian(response[(position + 9)..], 0);
        return position + OptLength;
    }

    /// <summary>
    /// Cuts a finished response down to header and question (and the OPT, when it had one) and
    /// sets TC, telling the client to ask again over TCP (RFC 2181 §9, RFC 6891 §7).
    /// </summary>
    public static int Truncate(Span<byte> response, int questionEnd, bool hasOpt, ushort udpSize, bool dnssecOk)
    {
        response[2] |= 0x02;
        SetCounts(response, 0, 0, hasOpt ? 1 : 0);
        return hasOpt ? AppendOpt(response, questionEnd, udpSize, 0, dnssecOk) : questionEnd;
    }
}
