namespace Roundtable.Dns;

/// <summary>All records of one owner name and type, sharing one TTL (RFC 2181 §5.2).</summary>
internal sealed class RRset
{
    public RRset(DnsName owner, RecordType type, uint ttl, Rdata[] records)
    {
        Owner = owner;
        Type = type;
        Ttl = ttl;
        Records = records;
    }

    public DnsName Owner { get; }

    public RecordType Type { get; }

    public uint Ttl { get; }

    public Rdata[] Records { get; }

    /// <summary>The RRSIG RRset covering this one in a signed zone; set while the zone is built, null when unsigned.</summary>
    public RRset? Signatures { get; set; }

    /// <summary>The same records (and signatures) with another TTL (the negative-answer SOA); the RRSIGs still hold the original TTL.</summary>
    public RRset WithTtl(uint ttl) => new(Owner, Type, ttl, Records) { Signatures = Signatures?.WithTtl(ttl) };
}
