using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// Turns the node's record list into a <see cref="DnsZone"/>, enforcing the rules a served zone
/// must keep: every owner inside the origin, one TTL per RRset, CNAME alone at its name and never
/// at the apex, delegations only below the apex with only glue under them, DS only at a
/// delegation point, no SOA or apex NS given as records (they come from the policy).
/// </summary>
internal static class ZoneBuilder
{
    private static readonly HashSet<RecordType> DataTypes =
        [RecordType.A, RecordType.AAAA, RecordType.CNAME, RecordType.MX, RecordType.TXT, RecordType.SRV, RecordType.CAA, RecordType.TLSA, RecordType.NS, RecordType.DS];

    public static DnsZone Build(string originText, SoaSettings soa, IReadOnlyList<NameServer> nameServers, IEnumerable<ZoneRecord> records, ZoneSigning? signing)
    {
        ArgumentNullException.ThrowIfNull(soa);
        ArgumentNullException.ThrowIfNull(nameServers);
        ArgumentNullException.ThrowIfNull(records);
        var origin = DnsName.Parse(originText);
        if (nameServers.Count == 0)
        {
            throw new DnsZoneException($"zone {origin} needs at least one apex name server");
        }

        var soaSet = new RRset(origin, RecordType.SOA, soa.Ttl, [SoaRdata(soa, origin)]);
        var byName = new Dictionary<DnsName, Dictionary<RecordType, List<(uint Ttl, Rdata Data, string Source)>>>();

        void Add(DnsName owner, RecordType type, uint ttl, Rdata data, string source)
        {
            if (!byName.TryGetValue(owner, out var types))
            {
                byName[owner] = types = [];
            }

            if (!types.TryGetValue(type, out var list))
            {
                types[type] = list = [];
            }

            list.Add((ttl, data, source));
        }

        foreach (var ns in nameServers)
        {
            var name = Parse(ns.Name, origin, $"apex name server '{ns.Name}'");
            Add(origin, RecordType.NS, soa.Ttl, new Rdata([], [name], [], compressible: true), $"apex NS {name}");
            if (!name.IsAtOrBelow(origin))
            {
                continue;
            }

            foreach (var address in ns.Addresses)
            {
                var type = address.Contains(':', StringComparison.Ordinal) ? RecordType.AAAA : RecordType.A;
                Add(name, type, soa.Ttl, Data(type, address, origin, $"glue of apex name server {name}"), $"glue {name} {address}");
            }
        }

        foreach (var record in records)
        {
            var source = $"{record.Owner} {record.Ttl} {record.Type} {record.Data}";
            var owner = Parse(record.Owner, origin, $"record '{source}'");
            if (!owner.IsAtOrBelow(origin))
            {
                throw new DnsZoneException($"record '{source}': owner {owner} is outside zone {origin}");
            }

            if (!DataTypes.Contains(record.Type))
            {
                throw new DnsZoneException($"record '{source}': type {record.Type} cannot be zone data (SOA comes from the zone settings)");
            }

            if (owner.Equals(origin) && record.Type is RecordType.NS or RecordType.CNAME or RecordType.DS)
            {
                throw new DnsZoneException($"record '{source}': {record.Type} is not allowed at the apex (apex NS come from the zone's name servers)");
            }

            if (owner.IsWildcard && record.Type is RecordType.NS or RecordType.DS)
            {
                throw new DnsZoneException($"record '{source}': a wildcard cannot be a delegation (RFC 4592 §4.2)");
            }

            if (record.Ttl > int.MaxValue)
            {
                throw new DnsZoneException($"record '{source}': TTL over 2147483647 (RFC 2181 §8)");
            }

            Add(owner, record.Type, record.Ttl, Data(record.Type, record.Data, origin, $"record '{source}'"), source);
        }

        var cuts = byName.Where(p => !p.Key.Equals(origin) && p.Value.ContainsKey(RecordType.NS)).Select(p => p.Key).ToList();
        var nodes = new Dictionary<byte[], ZoneNode>(WireComparer.Instance);
        foreach (var (owner, types) in byName)
        {
            Check(owner, types, cuts);
            var sets = new List<RRset>(types.Count);
            foreach (var (type, list) in types)
            {
                if (list.Select(r => r.Ttl).Distinct().Count() > 1)
                {
                    throw new DnsZoneException($"{owner} {type}: records of one RRset must share one TTL (RFC 2181 §5.2): {string.Join("; ", list.Select(r => r.Source))}");
                }

                // Identical records are one record (RFC 2181 §5): keep the first.
                var unique = list.DistinctBy(r => Convert.ToHexString(r.Data.ToWire())).Select(r => r.Data).ToArray();
                if (type == RecordType.CNAME && unique.Length > 1)
                {
                    throw new DnsZoneException($"{owner}: more than one CNAME");
                }

                sets.Add(new RRset(owner, type, list[0].Ttl, unique));
            }

            nodes[owner.Wire] = new ZoneNode(owner, sets) { IsDelegation = cuts.Contains(owner) };
        }

        nodes[origin.Wire] = ApexNode(origin, soaSet, nodes);
        AddEmptyNonTerminals(nodes, origin);
        var chain = signing is null ? [] : ZoneSignatures.Apply(origin, soa, nodes, signing);
        var zone = new DnsZone(origin, soa, soaSet, nodes, chain);
        AnswerPreparer.Prepare(zone);
        return zone;
    }

    private static ZoneNode ApexNode(DnsName origin, RRset soaSet, Dictionary<byte[], ZoneNode> nodes)
    {
        var sets = nodes.TryGetValue(origin.Wire, out var apex) ? apex.Sets.Where(s => s.Type != RecordType.SOA) : [];
        return new ZoneNode(origin, sets.Append(soaSet));
    }

    private static void Check(DnsName owner, Dictionary<RecordType, List<(uint Ttl, Rdata Data, string Source)>> types, List<DnsName> cuts)
    {
        if (types.ContainsKey(RecordType.CNAME) && types.Count > 1)
        {
            throw new DnsZoneException($"{owner}: CNAME cannot stand beside other data ({string.Join(", ", types.Keys.Where(t => t != RecordType.CNAME))}) (RFC 1034 §3.6.2)");
        }

        if (types.ContainsKey(RecordType.DS) && !types.ContainsKey(RecordType.NS))
        {
            throw new DnsZoneException($"{owner}: DS needs a delegation (NS) at the same name");
        }

        foreach (var cut in cuts)
        {
            if (owner.Equals(cut) || !owner.IsAtOrBelow(cut))
            {
                continue;
            }

            var notGlue = types.Keys.Where(t => t is not (RecordType.A or RecordType.AAAA)).ToList();
            if (notGlue.Count > 0)
            {
                throw new DnsZoneException($"{owner}: only glue (A/AAAA) may be below the delegation at {cut}, found {string.Join(", ", notGlue)}");
            }
        }

        if (cuts.Contains(owner))
        {
            var other = types.Keys.Where(t => t is not (RecordType.NS or RecordType.DS or RecordType.A or RecordType.AAAA)).ToList();
            if (other.Count > 0)
            {
                throw new DnsZoneException($"{owner}: a delegation point holds only NS, DS and glue, found {string.Join(", ", other)}");
            }
        }
    }

    private static void AddEmptyNonTerminals(Dictionary<byte[], ZoneNode> nodes, DnsName origin)
    {
        foreach (var name in nodes.Values.Select(n => n.Name).ToList())
        {
            for (var parent = name; !parent.Equals(origin); parent = parent.Parent())
            {
                nodes.TryAdd(parent.Wire, new ZoneNode(parent, []));
            }
        }
    }

    private static Rdata SoaRdata(SoaSettings soa, DnsName origin)
    {
        var mname = Parse(soa.PrimaryServer, origin, "SOA primary server");
        var rname = Parse(soa.ResponsibleMailbox, origin, "SOA mailbox");
        var numbers = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(numbers, soa.Serial);
        BinaryPrimitives.WriteUInt32BigEndian(numbers.AsSpan(4), soa.Refresh);
        BinaryPrimitives.WriteUInt32BigEndian(numbers.AsSpan(8), soa.Retry);
        BinaryPrimitives.WriteUInt32BigEndian(numbers.AsSpan(12), soa.Expire);
        BinaryPrimitives.WriteUInt32BigEndian(numbers.AsSpan(16), soa.Minimum);
        return new Rdata([], [mname, rname], numbers, compressible: true);
    }

    private static DnsName Parse(string text, DnsName origin, string what)
    {
        try
        {
            return DnsName.Parse(text, origin);
        }
        catch (DnsZoneException e)
        {
            throw new DnsZoneException($"{what}: {e.Message}", e);
        }
    }

    private static Rdata Data(RecordType type, string text, DnsName origin, string what)
    {
        try
        {
            return RdataParser.Parse(type, text, origin);
        }
        catch (DnsZoneException e)
        {
            throw new DnsZoneException($"{what}: {e.Message}", e);
        }
    }
}
