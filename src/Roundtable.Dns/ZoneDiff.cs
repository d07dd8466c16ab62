namespace Roundtable.Dns;

/// <summary>
/// What changed between two published versions of one zone, as IXFR sends it (RFC 1995 §4): the
/// old SOA, the records removed, the new SOA, the records added. A record whose TTL changed is
/// removed and added again, since a secondary compares whole records.
/// </summary>
internal sealed class ZoneDiff
{
    private ZoneDiff(RRset oldSoa, RRset newSoa, ZoneRecordEntry[] removed, ZoneRecordEntry[] added)
    {
        OldSoa = oldSoa;
        NewSoa = newSoa;
        Removed = removed;
        Added = added;
        Bytes = removed.Sum(r => (long)r.MaxWireLength()) + added.Sum(r => (long)r.MaxWireLength());
    }

    public RRset OldSoa { get; }

    public RRset NewSoa { get; }

    public uint FromSerial => SoaSerial(OldSoa);

    public uint ToSerial => SoaSerial(NewSoa);

    public ZoneRecordEntry[] Removed { get; }

    public ZoneRecordEntry[] Added { get; }

    /// <summary>The journal's measure of this entry: uncompressed wire size of its records.</summary>
    public long Bytes { get; }

    public static ZoneDiff Compute(DnsZone before, DnsZone after)
    {
        var old = Index(before);
        var next = Index(after);
        var removed = old.Where(p => !next.ContainsKey(p.Key)).Select(p => p.Value).ToArray();
        var added = next.Where(p => !old.ContainsKey(p.Key)).Select(p => p.Value).ToArray();
        return new ZoneDiff(before.SoaSet, after.SoaSet, removed, added);
    }

    /// <summary>The records of one difference in IXFR order: old SOA, removals, new SOA, additions.</summary>
    public IEnumerable<ZoneRecordEntry> Sequence()
    {
        yield return TransferRecords.Soa(OldSoa);
        foreach (var record in Removed)
        {
            yield return record;
        }

        yield return TransferRecords.Soa(NewSoa);
        foreach (var record in Added)
        {
            yield return record;
        }
    }

    private static Dictionary<byte[], ZoneRecordEntry> Index(DnsZone zone)
    {
        var index = new Dictionary<byte[], ZoneRecordEntry>(WireComparer.Instance);
        foreach (var record in TransferRecords.Body(zone))
        {
            index.TryAdd(record.Key(), record);
        }

        return index;
    }

    private static uint SoaSerial(RRset soa) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(soa.Records[0].Suffix);
}
