using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// Writes the response messages of one transfer request into one buffer, in turn: header (the
/// request's ID, QR, RD copied), the question in the first message only (RFC 5936 §2.2), answer
/// records with owners compressed within each message, the OPT record when the request had one,
/// and the TSIG last when the request was signed. Records are never split; a message is closed
/// before the record that would take it past the target size.
/// </summary>
internal sealed class TransferMessages
{
    public const byte FormErr = 1;
    public const byte Refused = 5;
    public const byte NotAuth = 9;

    /// <summary>Label offsets remembered for compression per message: a 16 KB message has a few hundred names.</summary>
    private const int CompressionSlots = 256;

    /// <summary>Room kept at the end of every message for the OPT and TSIG records.</summary>
    private const int Trailer = ResponseAssembler.OptLength + Tsig.MaxRecordLength;

    private readonly byte[] buffer;
    private readonly TransferRequest request;
    private readonly TsigSession? tsig;
    private readonly ushort udpPayloadSize;
    private readonly int targetBytes;
    private IEnumerator<ZoneRecordEntry>? cursor;
    private bool pending;

    public TransferMessages(byte[] buffer, TransferRequest request, TsigSession? tsig, ushort udpPayloadSize, int targetBytes)
    {
        this.buffer = buffer;
        this.request = request;
        this.tsig = tsig;
        this.udpPayloadSize = udpPayloadSize;
        this.targetBytes = targetBytes;
    }

    public int Messages { get; private set; }

    public int Records { get; private set; }

    /// <summary>A response without records: an error, or a refusal.</summary>
    public int Empty(byte rcode) => Finish(Begin(rcode, authoritative: false, withQuestion: true), 0);

    /// <summary>A response with the one SOA, within <paramref name="udpLimit"/> when given (else header and question with TC set).</summary>
    public int SoaOnly(RRset soa, int? udpLimit)
    {
        var position = Begin(0, authoritative: true, withQuestion: true);
        Span<int> offsets = stackalloc int[CompressionSlots];
        var writer = new MessageWriter(buffer.AsSpan(0, buffer.Length - Trailer), offsets, position, withSignatures: false);
        var record = TransferRecords.Soa(soa);
        writer.WriteRecord(record.Owner, record.Type, record.Ttl, record.Data);

        // Decided before signing, since a TSIG covers exactly one version of the message; the trailer reserve errs on the small side.
        if (writer.Position + Trailer <= (udpLimit ?? int.MaxValue))
        {
            return Finish(writer.Position, 1);
        }

        buffer[2] |= 0x02;
        return Finish(position, 0);
    }

    /// <summary>Every record of <paramref name="records"/>, as many messages as they need (at least one); yields each message's length.</summary>
    public IEnumerable<int> Stream(IEnumerable<ZoneRecordEntry> records)
    {
        using var enumerator = records.GetEnumerator();
        cursor = enumerator;
        pending = enumerator.MoveNext();
        yield return Next(first: true);
        while (pending)
        {
            yield return Next(first: false);
        }
    }

    /// <summary>The header and (when asked) question; returns the position after them.</summary>
    public int Begin(byte rcode, bool authoritative, bool withQuestion)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer, request.Id);
        var flags = 0x8000 | (request.Flags & 0x0110) | rcode | (authoritative ? 0x0400 : 0);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)flags);
        buffer.AsSpan(4, 8).Clear();
        if (!withQuestion)
        {
            return QueryParser.HeaderLength;
        }

        buffer[5] = 1;
        request.Question.CopyTo(buffer, QueryParser.HeaderLength);
        return QueryParser.HeaderLength + request.Question.Length;
    }

    /// <summary>Sets the counts, appends OPT and TSIG as the request calls for; returns the message length.</summary>
    public int Finish(int end, int answers)
    {
        ResponseAssembler.SetCounts(buffer, answers, 0, request.HasEdns ? 1 : 0);
        if (request.HasEdns)
        {
            end = ResponseAssembler.AppendOpt(buffer, end, udpPayloadSize, 0, dnssecOk: false);
        }

        if (tsig is not null)
        {
            end = tsig.Sign(buffer, end);
        }

        Messages++;
        Records += answers;
        return end;
    }

    private int Next(bool first)
    {
        var position = Begin(0, authoritative: true, withQuestion: first);
        Span<int> offsets = stackalloc int[CompressionSlots];
        var writer = new MessageWriter(buffer.AsSpan(0, buffer.Length - Trailer), offsets, position, withSignatures: false, hasQuestion: first);
        var count = 0;
        while (pending)
        {
            var record = cursor!.Current;
            if (count > 0 && writer.Position + record.MaxWireLength() > targetBytes)
            {
                break;
            }

            writer.WriteRecord(record.Owner, record.Type, record.Ttl, record.Data);
            count++;
            pending = cursor.MoveNext();
        }

        return Finish(writer.Position, count);
    }
}
