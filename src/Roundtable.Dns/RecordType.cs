namespace Roundtable.Dns;

/// <summary>The DNS record types this server stores or recognises in queries (IANA numbers).</summary>
public enum RecordType : ushort
{
    /// <summary>IPv4 address (RFC 1035).</summary>
    A = 1,

    /// <summary>Name server: the apex servers, or a delegation at a child name (RFC 1035).</summary>
    NS = 2,

    /// <summary>Canonical name (RFC 1035).</summary>
    CNAME = 5,

    /// <summary>Start of authority (RFC 1035); built from <see cref="SoaSettings"/>, never given as a record.</summary>
    SOA = 6,

    /// <summary>Host information; only recognised in queries.</summary>
    HINFO = 13,

    /// <summary>Mail exchange (RFC 1035).</summary>
    MX = 15,

    /// <summary>Text strings (RFC 1035).</summary>
    TXT = 16,

    /// <summary>IPv6 address (RFC 3596).</summary>
    AAAA = 28,

    /// <summary>Service location (RFC 2782).</summary>
    SRV = 33,

    /// <summary>EDNS0 pseudo-record (RFC 6891); only in the additional section.</summary>
    OPT = 41,

    /// <summary>Delegation signer, at a delegation point (RFC 4034).</summary>
    DS = 43,

    /// <summary>Signature over one RRset (RFC 4034 §3); made by the zone signer, never given as a record.</summary>
    RRSIG = 46,

    /// <summary>Authenticated denial: the next owner name and the types at this one (RFC 4034 §4); made by the zone signer.</summary>
    NSEC = 47,

    /// <summary>A zone's public key (RFC 4034 §2); at the apex, from the zone's signing settings.</summary>
    DNSKEY = 48,

    /// <summary>TLS certificate association (RFC 6698).</summary>
    TLSA = 52,

    /// <summary>Incremental zone transfer (RFC 1995), answered by the transfer path.</summary>
    IXFR = 251,

    /// <summary>Full zone transfer (RFC 5936), answered by the transfer path.</summary>
    AXFR = 252,

    /// <summary>The ANY query type, answered minimally (RFC 8482).</summary>
    ANY = 255,

    /// <summary>Certification authority authorization (RFC 8659).</summary>
    CAA = 257,
}
