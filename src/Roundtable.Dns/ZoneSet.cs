namespace Roundtable.Dns;

/// <summary>
/// The zones one committed height serves, immutable. A query goes to the zone with the longest
/// origin that contains its name; names in no zone are REFUSED. The server holds one ZoneSet
/// reference and replaces it whole (<see cref="AnswerEngine.Publish"/>), so a query sees one height.
/// </summary>
public sealed class ZoneSet
{
    private readonly Dictionary<byte[], DnsZone> byOrigin;
    private readonly Dictionary<byte[], DnsZone>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    /// <summary>Creates the set; two zones with the same origin are an error.</summary>
    /// <param name="zones">The zones, each built by <see cref="DnsZone.Create(string, SoaSettings, IReadOnlyList{NameServer}, IEnumerable{ZoneRecord}, ZoneSigning?)"/>.</param>
    /// <param name="height">The committed height these zones were built from (reported, not interpreted).</param>
    /// <exception cref="DnsZoneException">Two zones share an origin.</exception>
    public ZoneSet(IEnumerable<DnsZone> zones, long height = 0)
    {
        ArgumentNullException.ThrowIfNull(zones);
        byOrigin = new Dictionary<byte[], DnsZone>(WireComparer.Instance);
        foreach (var zone in zones)
        {
            if (!byOrigin.TryAdd(zone.Origin.Wire, zone))
            {
                throw new DnsZoneException($"zone {zone.Origin} is given twice");
            }
        }

        Height = height;
        lookup = byOrigin.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>A set with no zones: everything is REFUSED.</summary>
    public static ZoneSet Empty { get; } = new([]);

    /// <summary>The committed height the zones come from.</summary>
    public long Height { get; }

    /// <summary>The zones, in no particular order.</summary>
    public IReadOnlyCollection<DnsZone> Zones => byOrigin.Values;

    /// <summary>The zone with the longest origin at or above <paramref name="name"/>, or null.</summary>
    public DnsZone? Find(DnsName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Find(name.Wire);
    }

    /// <summary>The same, for a lower-cased wire name.</summary>
    internal DnsZone? Find(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < name.Length; i += name[i] + 1)
        {
            if (lookup.TryGetValue(name[i..], out var zone))
            {
                return zone;
            }

            if (name[i] == 0)
            {
                break;
            }
        }

        return null;
    }
}
