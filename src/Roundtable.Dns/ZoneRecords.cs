namespace Roundtable.Dns;

/// <summary>One record of a zone as served: owner, type, TTL and RDATA (<see cref="Rdata.ToWire"/> gives its uncompressed wire form).</summary>
internal readonly record struct ZoneRecordEntry(DnsName Owner, RecordType Type, uint Ttl, Rdata Data);

/// <summary>
/// Every record of a zone, for zone files and zone transfer: the SOA first, then each name in
/// canonical order (RFC 4034 §6.1) with its RRsets by type number and the records of each in
/// canonical RDATA order, each RRset followed by its RRSIGs. Glue under delegations is included;
/// empty non-terminals have no records.
/// </summary>
internal static class ZoneRecords
{
    public static IEnumerable<ZoneRecordEntry> Enumerate(DnsZone zone)
    {
        foreach (var entry in Entries(zone.SoaSet))
        {
            yield return entry;
        }

        foreach (var node in zone.Nodes.Where(n => !n.IsEmpty).OrderBy(n => n.Name, CanonicalOrder.Instance))
        {
            foreach (var set in node.Sets.Where(s => s.Type != RecordType.SOA))
            {
                foreach (var entry in Entries(set))
                {
                    yield return entry;
                }
            }
        }
    }

    private static IEnumerable<ZoneRecordEntry> Entries(RRset set)
    {
        foreach (var record in Canonical(set))
        {
            yield return new ZoneRecordEntry(set.Owner, set.Type, set.Ttl, record);
        }

        if (set.Signatures is { } signatures)
        {
            foreach (var signature in Canonical(signatures))
            {
                yield return new ZoneRecordEntry(set.Owner, RecordType.RRSIG, signatures.Ttl, signature);
            }
        }
    }

    private static IEnumerable<Rdata> Canonical(RRset set) =>
        set.Records.Select(r => (Record: r, Wire: r.ToWire())).OrderBy(r => r.Wire, WireOrder.Instance).Select(r => r.Record);

    /// <summary>RDATA order of RFC 4034 §6.3: unsigned bytes, left to right, shorter first.</summary>
    private sealed class WireOrder : IComparer<byte[]>
    {
        public static readonly WireOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
