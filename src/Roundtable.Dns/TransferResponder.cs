using System.Net;

namespace Roundtable.Dns;

/// <summary>
/// Answers AXFR (RFC 5936) and IXFR (RFC 1995) requests, in this order of checks: a malformed
/// request is FORMERR; a TSIG is checked first when present (RFC 8945 §5.2: unknown key or
/// algorithm BADKEY, wrong MAC BADSIG, both unsigned; time outside the fudge BADTIME, signed);
/// then a name that is no zone's origin, or a class other than IN, is NOTAUTH; a zone without a
/// policy REFUSED; AXFR over UDP FORMERR (RFC 5936 §4.2 leaves it undefined; BIND answers the same);
/// a client outside the allowed networks REFUSED; an unsigned request to a zone with keys REFUSED.
/// What passes: IXFR over UDP gets the current SOA alone (RFC 1995 §2: the client comes back over
/// TCP), as does an IXFR from a client already current; IXFR the journal covers gets the
/// differences; everything else the full zone.
/// </summary>
internal sealed class TransferResponder
{
    private readonly ZoneJournal journal;
    private readonly ZoneTransferOptions options;
    private readonly ushort udpPayloadSize;

    public TransferResponder(ZoneJournal journal, ZoneTransferOptions options, ushort udpPayloadSize)
    {
        this.journal = journal;
        this.options = options;
        this.udpPayloadSize = udpPayloadSize;
    }

    /// <summary>Writes each response message to <paramref name="buffer"/> in turn and yields its length; <paramref name="served"/> hears of every transfer completed.</summary>
    public IEnumerable<int> Respond(ZoneSet zones, ReadOnlyMemory<byte> query, IPAddress client, bool overTcp, byte[] buffer, Action<ZoneTransferServed> served)
    {
        var request = TransferRequest.Parse(query.Span);
        if (request is null && query.Length < QueryParser.HeaderLength)
        {
            // Not even an ID to answer with.
            yield break;
        }

        if (request is null)
        {
            yield return FormatError(query.Span, buffer);
            yield break;
        }

        var zone = zones.Find(request.Zone) is { } found && found.Origin.Equals(request.Zone) ? found : null;
        var policy = zone?.TransferPolicy;
        TsigSession? session = null;
        if (request.Tsig is { } tsig)
        {
            var now = TsigSession.Now(options.TimeProvider);
            var error = Tsig.Verify(query.Span, tsig, policy?.Keys ?? [], now, out var key);
            if (error is not (TsigError.None or TsigError.BadTime))
            {
                var unsigned = new TransferMessages(buffer, request, null, udpPayloadSize, options.MessageTargetBytes);
                var end = unsigned.Begin(TransferMessages.NotAuth, authoritative: false, withQuestion: true);
                yield return Tsig.AppendUnsigned(buffer, unsigned.Finish(end, 0), tsig.KeyName, tsig.TimeSigned, error);
                yield break;
            }

            session = new TsigSession(key!, tsig.Mac, options.TimeProvider);
            if (error == TsigError.BadTime)
            {
                var late = new TransferMessages(buffer, request, null, udpPayloadSize, options.MessageTargetBytes);
                var end = late.Finish(late.Begin(TransferMessages.NotAuth, authoritative: false, withQuestion: true), 0);
                var ours = new byte[6];
                Tsig.WriteTime(ours, now);
                yield return session.Sign(buffer, end, tsig.TimeSigned, TsigError.BadTime, ours);
                yield break;
            }
        }

        var messages = new TransferMessages(buffer, request, session, udpPayloadSize, options.MessageTargetBytes);
        var refusal = zone is null || request.Class != 1 ? TransferMessages.NotAuth
            : policy is null ? TransferMessages.Refused
            : !overTcp && request.Type == RecordType.AXFR ? TransferMessages.FormErr
            : !policy.Allows(client) ? TransferMessages.Refused
            : policy.Keys.Count > 0 && session is null ? TransferMessages.Refused
            : (byte)0;
        if (refusal != 0)
        {
            yield return messages.Empty(refusal);
            yield break;
        }

        var current = zone!.Soa.Serial;
        TransferStyle style;
        if (request.Type == RecordType.IXFR && (!overTcp || !SerialNumber.IsNewer(current, request.ClientSerial!.Value)))
        {
            style = TransferStyle.SoaOnly;
            yield return messages.SoaOnly(zone.SoaSet, overTcp ? null : UdpLimit(request));
        }
        else
        {
            var path = request.Type == RecordType.IXFR ? journal.Path(zone.Origin, request.ClientSerial!.Value, current) : null;
            style = path is null ? TransferStyle.Full : TransferStyle.Incremental;
            var body = path is null ? TransferRecords.Body(zone) : path.SelectMany(d => d.Sequence());
            foreach (var length in messages.Stream(BetweenSoas(TransferRecords.Soa(zone.SoaSet), body)))
            {
                yield return length;
            }
        }

        served(new ZoneTransferServed(zone.Origin, request.Type, style, current, client, messages.Messages, messages.Records));
    }

    /// <summary>A transfer begins and ends with the current SOA (RFC 5936 §2.2, RFC 1995 §4).</summary>
    private static IEnumerable<ZoneRecordEntry> BetweenSoas(ZoneRecordEntry soa, IEnumerable<ZoneRecordEntry> body)
    {
        yield return soa;
        foreach (var record in body)
        {
            yield return record;
        }

        yield return soa;
    }

    private int UdpLimit(TransferRequest request) =>
        request.EdnsSize is { } size ? Math.Clamp((int)size, AnswerEngine.ClassicUdpSize, udpPayloadSize) : AnswerEngine.ClassicUdpSize;

    /// <summary>FORMERR for a request that did not decode: the ID kept, nothing else trusted.</summary>
    private static int FormatError(ReadOnlySpan<byte> query, byte[] buffer)
    {
        query[..2].CopyTo(buffer);
        buffer[2] = 0x80;
        buffer[3] = TransferMessages.FormErr;
        buffer.AsSpan(4, 8).Clear();
        return QueryParser.HeaderLength;
    }
}
