using System.Net;

namespace Roundtable.Dns;

/// <summary>
/// Bytes of a query in, bytes of a response out (or nothing, for packets that must not be
/// answered). Reads the current <see cref="ZoneSet"/> once per query, so a query sees exactly one
/// committed height however often <see cref="Publish"/> swaps it. Thread-safe; allocates nothing
/// for answers prepared with the zone, which are copied after the question with the ID patched.
/// </summary>
public sealed class AnswerEngine
{
    /// <summary>Size of the response buffer <see cref="Answer"/> needs: the largest DNS message.</summary>
    public const int ResponseBufferSize = ResponseAssembler.BufferSize;

    /// <summary>The UDP payload size a query without EDNS may receive (RFC 1035 §4.2.1).</summary>
    public const int ClassicUdpSize = 512;

    [ThreadStatic]
    private static Resolution? scratch;

    private readonly ZoneJournal journal;
    private readonly TransferResponder transfers;
    private readonly Lock publishing = new();
    private ZoneSet zones;

    /// <summary>Creates the engine serving <paramref name="zones"/>.</summary>
    /// <param name="zones">The zones of the current committed height.</param>
    /// <param name="udpPayloadSize">The EDNS UDP payload size we advertise and never exceed; 1232 avoids IP fragmentation (DNS Flag Day 2020).</param>
    public AnswerEngine(ZoneSet zones, ushort udpPayloadSize = 1232)
        : this(zones, new ZoneTransferOptions(), udpPayloadSize)
    {
    }

    /// <summary>Creates the engine serving <paramref name="zones"/>, with zone transfer settings.</summary>
    /// <param name="zones">The zones of the current committed height.</param>
    /// <param name="transfer">Journal bounds, NOTIFY retries and the TSIG clock.</param>
    /// <param name="udpPayloadSize">The EDNS UDP payload size we advertise and never exceed.</param>
    public AnswerEngine(ZoneSet zones, ZoneTransferOptions transfer, ushort udpPayloadSize = 1232)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentOutOfRangeException.ThrowIfLessThan(udpPayloadSize, (ushort)ClassicUdpSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(transfer.MessageTargetBytes, 512);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transfer.MessageTargetBytes, 60_000);
        this.zones = zones;
        UdpPayloadSize = udpPayloadSize;
        TransferOptions = transfer;
        journal = new ZoneJournal(transfer.JournalEntriesPerZone, transfer.JournalBytesPerZone);
        transfers = new TransferResponder(journal, transfer, udpPayloadSize);
    }

    /// <summary>Raised on the serving thread after each zone transfer is sent in full (handlers must be quick and must not throw).</summary>
    public event Action<ZoneTransferServed>? TransferServed;

    /// <summary>Raised by <see cref="Publish"/> with the zones whose serial changed or that are new: the server sends NOTIFY for them.</summary>
    internal event Action<IReadOnlyList<DnsZone>>? SerialsChanged;

    /// <summary>Zone transfer settings.</summary>
    public ZoneTransferOptions TransferOptions { get; }

    /// <summary>The EDNS UDP payload size advertised in our OPT records.</summary>
    public ushort UdpPayloadSize { get; }

    /// <summary>The zone set queries are answered from now.</summary>
    public ZoneSet Zones => Volatile.Read(ref zones);

    /// <summary>
    /// Replaces the zone set in one step; queries already running finish on the set they started
    /// with. Before the swap, the difference of every zone whose serial moved forward goes into the
    /// IXFR journal; after it, secondaries of every changed zone are notified (through the server).
    /// </summary>
    public void Publish(ZoneSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        List<DnsZone> changed;

        // Publishers take turns so the journal sees versions in the order they are served.
        lock (publishing)
        {
            changed = journal.Record(Zones, next);
            Volatile.Write(ref zones, next);
        }

        if (changed.Count > 0)
        {
            SerialsChanged?.Invoke(changed);
        }
    }

    /// <summary>
    /// Answers a zone transfer request (see <see cref="TransferRequest.IsTransfer"/>) from
    /// <paramref name="client"/>: writes each response message into <paramref name="response"/>
    /// (at least <see cref="ResponseBufferSize"/> bytes) and yields its length before writing the
    /// next. Over UDP there is exactly one message. Never throws for any input bytes.
    /// </summary>
    internal IEnumerable<int> Transfer(ReadOnlyMemory<byte> query, IPAddress client, bool overTcp, byte[] response)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(response.Length, ResponseBufferSize);
        return transfers.Respond(Zones, query, client, overTcp, response, served => TransferServed?.Invoke(served));
    }

    /// <summary>
    /// Answers one query. Returns the response length in <paramref name="response"/>, or 0 when the
    /// packet must be dropped (shorter than a header, or itself a response). Never throws for any
    /// input bytes.
    /// </summary>
    /// <param name="query">The query as received (without the TCP length prefix).</param>
    /// <param name="response">At least <see cref="ResponseBufferSize"/> bytes.</param>
    /// <param name="overTcp">True over TCP: no 512/EDNS size limit and never TC.</param>
    public int Answer(ReadOnlySpan<byte> query, Span<byte> response, bool overTcp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(response.Length, ResponseBufferSize);
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var status = QueryParser.Parse(query, name, out var fields);
        switch (status)
        {
            case QueryStatus.Drop:
                return 0;
            case QueryStatus.FormatError:
                fields.HasQuestion = false;
                return ResponseAssembler.Begin(response, fields, name, ResponseAssembler.FormErr, authoritative: false);
            case QueryStatus.NotImplemented:
                fields.HasEdns = false;
                return ResponseAssembler.Begin(response, fields, name, ResponseAssembler.NotImp, authoritative: false);
            case QueryStatus.BadVersion:
                var end = ResponseAssembler.Begin(response, fields, name, 0, authoritative: false);
                ResponseAssembler.SetCounts(response, 0, 0, 1);
                return ResponseAssembler.AppendOpt(response, end, UdpPayloadSize, ResponseAssembler.BadVers, fields.DnssecOk);
            default:
                return AnswerValid(fields, name, response, overTcp);
        }
    }

    /// <summary>Turns a response already in <paramref name="response"/> into its truncated form (header, question, OPT; TC set); used for rate-limit slips.</summary>
    public int Truncate(Span<byte> response, int length)
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var position = QueryParser.HeaderLength;
        var hasQuestion = response.Length >= 12 && response[5] == 1 && QueryParser.ReadName(response[..length], ref position, name) >= 0;
        var questionEnd = hasQuestion ? position + 4 : QueryParser.HeaderLength;
        var hadOpt = hasQuestion && length > questionEnd && response[11] > 0;

        // Our OPT is always the last record (root owner, type 41); its TTL field holds the DO bit to keep.
        var opt = hadOpt && length - ResponseAssembler.OptLength >= questionEnd ? response.Slice(length - ResponseAssembler.OptLength, ResponseAssembler.OptLength) : [];
        var dnssecOk = opt.Length > 0 && opt[0] == 0 && opt[2] == (byte)RecordType.OPT && (opt[7] & 0x80) != 0;
        return ResponseAssembler.Truncate(response, questionEnd, hadOpt, UdpPayloadSize, dnssecOk);
    }

    private int AnswerValid(in QueryFields query, Span<byte> name, Span<byte> response, bool overTcp)
    {
        var limit = overTcp ? ResponseBufferSize : query.HasEdns ? Math.Clamp((int)query.UdpSize, ClassicUdpSize, UdpPayloadSize) : ClassicUdpSize;
        var optSpace = query.HasEdns ? ResponseAssembler.OptLength : 0;
        Span<byte> lower = stackalloc byte[DnsName.MaxWireLength];
        name[..query.NameLength].CopyTo(lower);
        DnsName.LowerCase(lower[..query.NameLength]);
        var qname = lower[..query.NameLength];

        // Transfers go through Transfer, which knows the client (the server routes them there); meta types other than ANY are not answered from a zone.
        var refused = query.Class != 1 || query.Type is (ushort)RecordType.AXFR or (ushort)RecordType.IXFR or (ushort)RecordType.OPT;
        var zone = refused ? null : Zones.Find(qname);
        if (zone is null)
        {
            return Finish(response, ResponseAssembler.Begin(response, query, name, ResponseAssembler.Refused, authoritative: false), 0, 0, 0, query);
        }

        // DNSSEC records only for a client that asked for them (DO) and a zone that has them.
        var dnssec = query.DnssecOk && zone.IsSigned;
        var node = zone.Find(qname);
        var answers = node is null ? null : dnssec ? node.PreparedSigned : node.Prepared;
        var prepared = answers is null ? null
            : answers.Find(query.Type) is { } exact ? exact
            : query.Type == (ushort)RecordType.ANY ? null
            : answers.NoData;
        if (prepared is not null)
        {
            var questionEnd = ResponseAssembler.Begin(response, query, name, prepared.Rcode, prepared.Authoritative);
            if (questionEnd + prepared.Body.Length + optSpace > limit)
            {
                return ResponseAssembler.Truncate(response, questionEnd, query.HasEdns, UdpPayloadSize, query.DnssecOk);
            }

            prepared.Body.CopyTo(response[questionEnd..]);
            return Finish(response, questionEnd + prepared.Body.Length, prepared.AnswerCount, prepared.AuthorityCount, prepared.AdditionalCount, query);
        }

        return AnswerDynamic(zone, qname, dnssec, query, name, response, limit, optSpace);
    }

    private int AnswerDynamic(DnsZone zone, ReadOnlySpan<byte> qname, bool dnssec, in QueryFields query, Span<byte> name, Span<byte> response, int limit, int optSpace)
    {
        var resolution = scratch ??= new Resolution();
        Resolver.Resolve(zone, qname, (RecordType)query.Type, dnssec, resolution);
        var questionEnd = ResponseAssembler.Begin(response, query, name, resolution.Rcode, resolution.Authoritative);
        Span<int> offsets = stackalloc int[ResponseAssembler.CompressionSlots];
        ushort answers, authority, additional;
        int end;
        try
        {
            // The space left for OPT keeps the writer from running into it.
            var writer = new MessageWriter(response[..(ResponseBufferSize - optSpace)], offsets, questionEnd, dnssec);
            answers = writer.Write(resolution.Answer);
            authority = writer.Write(resolution.Authority);
            additional = writer.Write(resolution.Additional);
            end = writer.Position;
        }
        catch (ArgumentException)
        {
            // A CNAME chain of large RRsets can exceed one message; there is no correct answer to give.
            ResponseAssembler.Begin(response, query, name, ResponseAssembler.ServFail, authoritative: false);
            return Finish(response, questionEnd, 0, 0, 0, query);
        }

        if (end + optSpace > limit)
        {
            return ResponseAssembler.Truncate(response, questionEnd, query.HasEdns, UdpPayloadSize, query.DnssecOk);
        }

        return Finish(response, end, answers, authority, additional, query);
    }

    private int Finish(Span<byte> response, int end, int answers, int authority, int additional, in QueryFields query)
    {
        if (query.HasEdns)
        {
            ResponseAssembler.SetCounts(response, answers, authority, additional + 1);
            return ResponseAssembler.AppendOpt(response, end, UdpPayloadSize, 0, query.DnssecOk);
        }

        ResponseAssembler.SetCounts(response, answers, authority, additional);
        return end;
    }
}
