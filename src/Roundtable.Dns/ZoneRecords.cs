namespace Roundtable.Dns;

/// <summary>One record of a zone as served: owner, type, TTL and RDATA (<see cref="Rdata.ToWire"/> gives its uncompressed wire form).</summary>
internal readonly record struct ZoneRecordEntry(DnsName Owner, RecordType Type, uint Ttl, Rdata Data);

/// <summary>
/// Every record of a zone, for zone transfer: the SOA first, then every other name with its
/// RRsets by type number, delegations and the glue under them included; empty non-terminals have
/// no records. Walks the zone's nodes, so records a zone gains later (DNSSEC's DNSKEY, NSEC,
/// RRSIG) are transferred once they are enumerated here.
/// </summary>
internal static class ZoneRecords
{
    public static IEnumerable<ZoneRecordEntry> Enumerate(DnsZone zone)
    {
        foreach (var record in zone.SoaSet.Records)
        {
            yield return new ZoneRecordEntry(zone.SoaSet.Owner, RecordType.SOA, zone.SoaSet.Ttl, record);
        }

        foreach (var node in zone.Nodes)
        {
            foreach (var set in node.Sets.Where(s => s.Type != RecordType.SOA))
            {
                foreach (var record in set.Records)
                {
                    yield return new ZoneRecordEntry(set.Owner, set.Type, set.Ttl, record);
                }
            }
        }
    }
}
