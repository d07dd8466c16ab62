namespace Roundtable.Dns;

/// <summary>
/// One owner name of a zone with its RRsets. Names that only exist because a descendant does
/// (empty non-terminals, RFC 8020) are nodes without RRsets, so they answer NODATA, not NXDOMAIN.
/// </summary>
internal sealed class ZoneNode
{
    private readonly Dictionary<RecordType, RRset> sets;

    public ZoneNode(DnsName name, Dictionary<RecordType, RRset> sets)
    {
        Name = name;
        this.sets = sets;
    }

    public DnsName Name { get; }

    /// <summary>RRsets in type-number order, so ANY and tests see a fixed order.</summary>
    public IEnumerable<RRset> Sets => sets.Values.OrderBy(s => (ushort)s.Type);

    public bool IsEmpty => sets.Count == 0;

    /// <summary>True for a delegation point (NS below the apex); set when the zone is built.</summary>
    public bool IsDelegation { get; init; }

    /// <summary>Wire answers prepared when the zone was built, for queries without the DO bit.</summary>
    public PreparedAnswers Prepared { get; } = new();

    /// <summary>The same with RRSIGs and NSEC proofs, for queries with the DO bit to a signed zone.</summary>
    public PreparedAnswers PreparedSigned { get; } = new();

    public RRset? Get(RecordType type) => sets.GetValueOrDefault(type);

    /// <summary>Adds an RRset made while the zone is built (DNSKEY, NSEC), before any query sees the node.</summary>
    public void Add(RRset set) => sets.Add(set.Type, set);
}
