using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>One record of a zone as a transfer carries it: owner, type, TTL and RDATA (class IN).</summary>
internal readonly record struct TransferRecord(DnsName Owner, RecordType Type, uint Ttl, Rdata Data)
{
    /// <summary>Wire size without compression: the most this record can take in a message.</summary>
    public int MaxWireLength => Owner.Wire.Length + 10 + Data.Length;

    /// <summary>Owner, type, TTL and RDATA in wire form: two records are the same record when these bytes are.</summary>
    public byte[] Key()
    {
        var rdata = Data.ToWire();
        var key = new byte[Owner.Wire.Length + 6 + rdata.Length];
        Owner.Wire.CopyTo(key, 0);
        BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(Owner.Wire.Length), (ushort)Type);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(Owner.Wire.Length + 2), Ttl);
        rdata.CopyTo(key, Owner.Wire.Length + 6);
        return key;
    }

    /// <summary>The one record of a SOA RRset.</summary>
    public static TransferRecord Soa(RRset soa) => new(soa.Owner, RecordType.SOA, soa.Ttl, soa.Records[0]);
}

/// <summary>
/// Every record of a zone, for AXFR and for the IXFR journal's differences: the apex first, then
/// every other name, delegations and glue included; the apex SOA is left out because transfers
/// place it themselves (first and last). Walks the zone's nodes, so records a zone gains later
/// (DNSSEC's DNSKEY, RRSIG, NSEC) are transferred without a change here.
/// </summary>
internal static class ZoneRecords
{
    public static IEnumerable<TransferRecord> Enumerate(DnsZone zone)
    {
        var apex = zone.Find(zone.Origin.Wire)!;
        foreach (var record in Records(apex))
        {
            if (record.Type != RecordType.SOA)
            {
                yield return record;
            }
        }

        foreach (var node in zone.Nodes)
        {
            if (ReferenceEquals(node, apex))
            {
                continue;
            }

            foreach (var record in Records(node))
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<TransferRecord> Records(ZoneNode node) =>
        node.Sets.SelectMany(set => set.Records.Select(data => new TransferRecord(set.Owner, set.Type, set.Ttl, data)));
}
