using System.Net;

namespace Roundtable.Dns;

/// <summary>How a transfer request was answered.</summary>
public enum TransferStyle
{
    /// <summary>The whole zone (AXFR, or IXFR the journal could not cover).</summary>
    Full,

    /// <summary>The differences since the client's serial (IXFR, RFC 1995 §4).</summary>
    Incremental,

    /// <summary>Only the current SOA: the client is current, or it asked IXFR over UDP and must come back over TCP.</summary>
    SoaOnly,
}

/// <summary>One zone transfer the engine finished sending, reported by <see cref="AnswerEngine.TransferServed"/>.</summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Requested">AXFR or IXFR, as asked.</param>
/// <param name="Style">What was sent.</param>
/// <param name="Serial">The serial the client has after it.</param>
/// <param name="Client">The client's address.</param>
/// <param name="Messages">Messages sent.</param>
/// <param name="Records">Answer records sent, both SOAs included.</param>
public sealed record ZoneTransferServed(DnsName Zone, RecordType Requested, TransferStyle Style, uint Serial, IPAddress Client, int Messages, int Records);
