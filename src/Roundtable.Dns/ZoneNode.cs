namespace Roundtable.Dns;

/// <summary>
/// One owner name of a zone with its RRsets. Names that only exist because a descendant does
/// (empty non-terminals, RFC 8020) are nodes without RRsets, so they answer NODATA, not NXDOMAIN.
/// </summary>
/// <remarks>
/// A zone holds one of these per name, so its fields are what a name costs in memory: the RRsets
/// are a small array searched in order (a name has a handful of types) rather than a dictionary,
/// and the prepared answers exist only in the forms the zone serves.
/// </remarks>
internal sealed class ZoneNode
{
    private RRset[] sets;

    public ZoneNode(DnsName name, IEnumerable<RRset> sets)
    {
        Name = name;
        this.sets = InTypeOrder(sets);
    }

    public DnsName Name { get; }

    /// <summary>RRsets in type-number order, so ANY and tests see a fixed order.</summary>
    public IReadOnlyList<RRset> Sets => sets;

    public bool IsEmpty => sets.Length == 0;

    /// <summary>True for a delegation point (NS below the apex); set when the zone is built.</summary>
    public bool IsDelegation { get; init; }

    /// <summary>Wire answers prepared when the zone was built, for queries without the DO bit; null below a zone cut.</summary>
    public PreparedAnswers? Prepared { get; set; }

    /// <summary>The same with RRSIGs and NSEC proofs, for queries with the DO bit; null unless the zone is signed.</summary>
    public PreparedAnswers? PreparedSigned { get; set; }

    public RRset? Get(RecordType type)
    {
        foreach (var set in sets)
        {
            if (set.Type == type)
            {
                return set;
            }
        }

        return null;
    }

    /// <summary>Adds an RRset made while the zone is built (DNSKEY, NSEC), before any query sees the node.</summary>
    /// <exception cref="InvalidOperationException">The node already has an RRset of that type.</exception>
    public void Add(RRset set)
    {
        if (Get(set.Type) is not null)
        {
            throw new InvalidOperationException($"{Name} already has an RRset of type {set.Type}");
        }

        sets = InTypeOrder([.. sets, set]);
    }

    private static RRset[] InTypeOrder(IEnumerable<RRset> sets) => [.. sets.OrderBy(s => (ushort)s.Type)];
}
