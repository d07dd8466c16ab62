namespace Roundtable.Dns;

/// <summary>
/// An immutable snapshot of one zone at one committed height: origin, SOA, apex name servers and
/// records by owner name and type, validated and with its common answers already in wire format.
/// Build it with <see cref="Create(string, SoaSettings, IReadOnlyList{NameServer}, IEnumerable{ZoneRecord}, ZoneSigning?)"/>; the server never sees a zone that is being changed.
/// </summary>
public sealed class DnsZone
{
    private readonly Dictionary<byte[], ZoneNode> nodes;
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    private readonly ZoneNode[] chain;

    internal DnsZone(DnsName origin, SoaSettings soa, RRset soaSet, Dictionary<byte[], ZoneNode> nodes, ZoneNode[] chain)
    {
        this.chain = chain;
        Origin = origin;
        Soa = soa;
        SoaSet = soaSet;
        NegativeSoaSet = soaSet.WithTtl(Math.Min(soa.Ttl, soa.Minimum));
        this.nodes = nodes;
        lookup = nodes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The zone's origin, e.g. <c>forum.internal.</c>.</summary>
    public DnsName Origin { get; }

    /// <summary>The SOA fields, serial included.</summary>
    public SoaSettings Soa { get; }

    /// <summary>Who may transfer the zone and whom NOTIFY tells of changes; null refuses every transfer.</summary>
    public ZoneTransferPolicy? TransferPolicy { get; private set; }

    /// <summary>
    /// The same zone (same records, same prepared answers) with <paramref name="policy"/> as its
    /// transfer policy; the policy is not zone data, so it changes neither the serial nor the answers.
    /// </summary>
    public DnsZone WithTransferPolicy(ZoneTransferPolicy? policy)
    {
        // A member-wise copy keeps whatever else a zone carries, so adding fields needs no change here.
        var copy = (DnsZone)MemberwiseClone();
        copy.TransferPolicy = policy;
        return copy;
    }

    /// <summary>Number of owner names, empty non-terminals included.</summary>
    public int NameCount => nodes.Count;

    /// <summary>True when the zone was built with <see cref="ZoneSigning"/>: it has DNSKEY, NSEC and RRSIG records and answers queries with the DO bit with them.</summary>
    public bool IsSigned => chain.Length > 0;

    internal RRset SoaSet { get; }

    /// <summary>The SOA as it goes in the authority section of negative answers (RFC 2308 §3).</summary>
    internal RRset NegativeSoaSet { get; }

    internal IEnumerable<ZoneNode> Nodes => nodes.Values;

    /// <summary>
    /// Builds and validates a zone. Owner names and names inside RDATA may be relative to
    /// <paramref name="origin"/>. The apex SOA and NS come from <paramref name="soa"/> and
    /// <paramref name="nameServers"/>, not from <paramref name="records"/>.
    /// </summary>
    /// <exception cref="DnsZoneException">A name, an RDATA or a zone rule is wrong; the message names the record.</exception>
    public static DnsZone Create(string origin, SoaSettings soa, IReadOnlyList<NameServer> nameServers, IEnumerable<ZoneRecord> records) =>
        ZoneBuilder.Build(origin, soa, nameServers, records, signing: null);

    /// <summary>
    /// Builds, validates and, when <paramref name="signing"/> is given, signs a zone: DNSKEY at the
    /// apex, the NSEC chain, and an RRSIG by this node's keys over every authoritative RRset.
    /// </summary>
    /// <exception cref="DnsZoneException">A name, an RDATA, a zone rule or the signing settings are wrong; the message says which.</exception>
    public static DnsZone Create(string origin, SoaSettings soa, IReadOnlyList<NameServer> nameServers, IEnumerable<ZoneRecord> records, ZoneSigning? signing) =>
        ZoneBuilder.Build(origin, soa, nameServers, records, signing);

    /// <summary>
    /// Writes the zone in presentation form, one record per line: the SOA first, then every name
    /// in canonical order (RFC 4034 §6.1) with its RRsets by type, each followed by its RRSIGs.
    /// </summary>
    public void WriteZoneFile(TextWriter writer) => ZoneFileWriter.Write(this, writer);

    /// <summary>Finds the node of a lower-cased wire name.</summary>
    internal ZoneNode? Find(ReadOnlySpan<byte> name) => lookup.TryGetValue(name, out var node) ? node : null;

    /// <summary>
    /// The NSEC that proves a lower-cased wire name absent: the one owned by the last chain name
    /// before it in canonical order (the apex sorts first, so there always is one in a signed zone).
    /// </summary>
    internal RRset? CoveringNsec(ReadOnlySpan<byte> name)
    {
        int low = 0, high = chain.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (CanonicalOrder.Compare(chain[middle].Name.Wire, name) < 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : chain[found].Get(RecordType.NSEC);
    }
}
