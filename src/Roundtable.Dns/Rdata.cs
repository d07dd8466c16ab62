namespace Roundtable.Dns;

/// <summary>
/// The RDATA of one record in wire format, split around its domain names: fixed bytes before,
/// the names, fixed bytes after. Keeping the names apart lets the writer compress them where
/// RFC 3597 §4 allows (NS, CNAME, MX, SOA) and lets the answer engine follow targets.
/// </summary>
internal sealed class Rdata
{
    public Rdata(byte[] prefix, DnsName[] names, byte[] suffix, bool compressible)
    {
        Prefix = prefix;
        Names = names;
        Suffix = suffix;
        Compressible = compressible;
    }

    /// <summary>Bytes before the first name (all of it for types without names).</summary>
    public byte[] Prefix { get; }

    /// <summary>Domain names inside the RDATA, in order.</summary>
    public DnsName[] Names { get; }

    /// <summary>Bytes after the last name.</summary>
    public byte[] Suffix { get; }

    /// <summary>True when the names may be written as compression pointers.</summary>
    public bool Compressible { get; }

    /// <summary>The name this record points at (NS, CNAME, MX exchange, SRV target), if any.</summary>
    public DnsName? Target => Names.Length == 1 ? Names[0] : null;

    /// <summary>Uncompressed wire length.</summary>
    public int Length => Prefix.Length + Names.Sum(n => n.Wire.Length) + Suffix.Length;

    /// <summary>Uncompressed wire bytes, used to detect duplicate records.</summary>
    public byte[] ToWire() => [.. Prefix, .. Names.SelectMany(n => n.Wire), .. Suffix];
}
