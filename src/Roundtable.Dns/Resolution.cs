namespace Roundtable.Dns;

/// <summary>
/// One RRset placed in a response. <see cref="Owner"/> replaces the RRset's own owner when the
/// records were synthesized from a wildcard (RFC 4592 §3.3.1); null means the question's name when
/// <see cref="OwnerIsQuestion"/> is set, else the RRset's owner.
/// </summary>
internal readonly record struct PlacedSet(RRset Set, bool OwnerIsQuestion, DnsName? Owner);

/// <summary>
/// What the answer engine decided for one question: rcode, AA and the RRsets of each section.
/// One instance is reused per thread, so resolving allocates nothing once warmed up.
/// </summary>
internal sealed class Resolution
{
    public byte Rcode { get; set; }

    public bool Authoritative { get; set; }

    public List<PlacedSet> Answer { get; } = new(8);

    public List<PlacedSet> Authority { get; } = new(4);

    public List<PlacedSet> Additional { get; } = new(8);

    public void Clear()
    {
        Rcode = 0;
        Authoritative = true;
        Answer.Clear();
        Authority.Clear();
        Additional.Clear();
    }

    /// <summary>Adds an authority-section RRset once (two proofs may be the same NSEC); null is ignored.</summary>
    public void AddAuthority(RRset? set)
    {
        if (set is null)
        {
            return;
        }

        foreach (var placed in Authority)
        {
            if (ReferenceEquals(placed.Set, set))
            {
                return;
            }
        }

        Authority.Add(new PlacedSet(set, false, null));
    }

    /// <summary>Adds an additional-section RRset once.</summary>
    public void AddAdditional(RRset set)
    {
        foreach (var placed in Additional)
        {
            if (ReferenceEquals(placed.Set, set))
            {
                return;
            }
        }

        Additional.Add(new PlacedSet(set, false, null));
    }
}
