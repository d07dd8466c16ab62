namespace Roundtable.Ledger.Names;

/// <summary>The record types a name's holder may publish, with their IANA numbers (the wire value).</summary>
public enum DnsRecordType : ushort
{
    /// <summary>An IPv4 address.</summary>
    A = 1,

    /// <summary>A delegation to the holder's own name servers (only at the registered name itself).</summary>
    NS = 2,

    /// <summary>An alias (alone at its owner).</summary>
    CNAME = 5,

    /// <summary>A mail exchanger.</summary>
    MX = 15,

    /// <summary>Text.</summary>
    TXT = 16,

    /// <summary>An IPv6 address.</summary>
    AAAA = 28,

    /// <summary>A service location.</summary>
    SRV = 33,

    /// <summary>A delegation signer: the hash of the delegated zone's key (only with NS).</summary>
    DS = 43,

    /// <summary>A TLS certificate association (DANE).</summary>
    TLSA = 52,

    /// <summary>Which certificate authorities may issue for the name.</summary>
    CAA = 257,
}
