using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>What zone transfer needs of <see cref="ZoneRecords"/>: the body between the two SOAs, and record sizes and identities.</summary>
internal static class TransferRecords
{
    /// <summary>Every record but the SOA, which a transfer places itself (first and last; old and new in IXFR differences).</summary>
    public static IEnumerable<ZoneRecordEntry> Body(DnsZone zone) => ZoneRecords.Enumerate(zone).Where(r => r.Type != RecordType.SOA);

    /// <summary>The one record of a SOA RRset.</summary>
    public static ZoneRecordEntry Soa(RRset soa) => new(soa.Owner, RecordType.SOA, soa.Ttl, soa.Records[0]);

    /// <summary>Wire size without compression: the most this record can take in a message.</summary>
    public static int MaxWireLength(this ZoneRecordEntry record) => record.Owner.Wire.Length + 10 + record.Data.Length;

    /// <summary>Owner, type, TTL and RDATA in wire form: two records are the same record when these bytes are.</summary>
    public static byte[] Key(this ZoneRecordEntry record)
    {
        var owner = record.Owner.Wire;
        var rdata = record.Data.ToWire();
        var key = new byte[owner.Length + 6 + rdata.Length];
        owner.CopyTo(key, 0);
        BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(owner.Length), (ushort)record.Type);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(owner.Length + 2), record.Ttl);
        rdata.CopyTo(key, owner.Length + 6);
        return key;
    }
}
