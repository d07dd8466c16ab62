namespace Roundtable.Dns;

/// <summary>
/// An immutable snapshot of one zone at one committed height: origin, SOA, apex name servers and
/// records by owner name and type, validated and with its common answers already in wire format.
/// Build it with <see cref="Create"/>; the server never sees a zone that is being changed.
/// </summary>
public sealed class DnsZone
{
    private readonly Dictionary<byte[], ZoneNode> nodes;
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    internal DnsZone(DnsName origin, SoaSettings soa, RRset soaSet, Dictionary<byte[], ZoneNode> nodes)
    {
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
        ZoneBuilder.Build(origin, soa, nameServers, records);

    /// <summary>Finds the node of a lower-cased wire name.</summary>
    internal ZoneNode? Find(ReadOnlySpan<byte> name) => lookup.TryGetValue(name, out var node) ? node : null;
}
