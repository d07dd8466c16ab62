namespace Roundtable.Dns;

/// <summary>
/// The authoritative lookup of RFC 1034 §4.3.2 inside one zone, with wildcards per RFC 4592:
/// referral at or below a delegation, exact match (answer, CNAME chain or NODATA), else the
/// wildcard at the closest encloser, else NXDOMAIN. With <c>dnssec</c> (DO bit, signed zone) it
/// adds the proofs of RFC 4035 §3.1.3: the NSEC records that deny a name, a type or a closer
/// match, and DS or the NSEC proving its absence in referrals (RRSIGs are added by the writer).
/// Works on lower-cased wire names and fills a reused <see cref="Resolution"/>, so it allocates
/// nothing per query.
/// </summary>
internal static class Resolver
{
    /// <summary>Longest CNAME chain followed inside the zone; longer chains end where they are (the resolver continues them).</summary>
    public const int MaxChain = 8;

    public static void Resolve(DnsZone zone, ReadOnlySpan<byte> qname, RecordType qtype, bool dnssec, Resolution result)
    {
        result.Clear();
        Span<byte> wildcard = stackalloc byte[DnsName.MaxWireLength + 2];
        var name = qname;
        DnsName? chainName = null;
        for (var step = 0; step <= MaxChain; step++)
        {
            var cut = FindCut(zone, name);
            if (cut is not null)
            {
                var dsAtCut = qtype == RecordType.DS && name.SequenceEqual(cut.Name.Wire);
                if (!dsAtCut)
                {
                    if (step == 0)
                    {
                        Referral(zone, cut, name.SequenceEqual(cut.Name.Wire), dnssec, result);
                    }

                    // A chain that leads into a delegation stops; the resolver follows it.
                    return;
                }
            }

            var node = zone.Find(name);
            var synthesized = false;
            if (node is null)
            {
                node = WildcardSource(zone, name, wildcard, out var wildcardLength);
                if (node is null)
                {
                    result.Rcode = 3;
                    result.AddAuthority(zone.NegativeSoaSet);
                    if (dnssec)
                    {
                        // The name does not exist, and neither does the wildcard that could have answered for it.
                        result.AddAuthority(zone.CoveringNsec(name));
                        result.AddAuthority(zone.CoveringNsec(wildcard[..wildcardLength]));
                    }

                    return;
                }

                synthesized = true;
                if (dnssec)
                {
                    // A wildcard answer is only valid if no closer name exists (RFC 4035 §3.1.3.3).
                    result.AddAuthority(zone.CoveringNsec(name));
                }
            }

            var owner = new PlacedOwner(step == 0, chainName, synthesized);
            var cname = node.Get(RecordType.CNAME);
            if (cname is not null && qtype != RecordType.CNAME)
            {
                result.Answer.Add(owner.Place(cname));
                var target = cname.Records[0].Target!;
                if (!target.IsAtOrBelow(zone.Origin) || AlreadyInChain(result, target, qname))
                {
                    return;
                }

                chainName = target;
                name = target.Wire;
                continue;
            }

            var set = qtype == RecordType.ANY ? node.Sets.FirstOrDefault() : node.Get(qtype);
            if (set is null)
            {
                result.AddAuthority(zone.NegativeSoaSet);
                if (dnssec)
                {
                    // The name's own NSEC lists its types; an empty non-terminal has none, and the NSEC before it proves it empty.
                    result.AddAuthority(node.Get(RecordType.NSEC) ?? zone.CoveringNsec(name));
                }

                return;
            }

            result.Answer.Add(owner.Place(set));
            AddTargets(zone, set, result);
            return;
        }
    }

    /// <summary>The highest delegation point at or above <paramref name="name"/>, below the apex.</summary>
    internal static ZoneNode? FindCut(DnsZone zone, ReadOnlySpan<byte> name)
    {
        // Walk suffixes from just below the origin down to the name itself.
        var originLength = zone.Origin.Wire.Length;
        Span<int> starts = stackalloc int[128];
        var count = 0;
        for (var i = 0; name.Length - i > originLength; i += name[i] + 1)
        {
            starts[count++] = i;
        }

        for (var k = count - 1; k >= 0; k--)
        {
            if (zone.Find(name[starts[k]..]) is { IsDelegation: true } cut)
            {
                return cut;
            }
        }

        return null;
    }

    private static void Referral(DnsZone zone, ZoneNode cut, bool exact, bool dnssec, Resolution result)
    {
        result.Authoritative = false;
        var ns = cut.Get(RecordType.NS)!;
        result.Authority.Add(new PlacedSet(ns, exact, null));
        if (dnssec)
        {
            // The child is signed (DS) or provably unsigned (NSEC at the cut without DS), RFC 4035 §3.1.4.
            result.AddAuthority(cut.Get(RecordType.DS) ?? cut.Get(RecordType.NSEC));
        }

        foreach (var record in ns.Records)
        {
            AddAddresses(zone, record.Target!, result, glue: true);
        }
    }

    /// <summary>
    /// The wildcard node that answers a name absent from the zone, found at its closest encloser
    /// (RFC 4592 §3.3.1); the wildcard's name, present or not, is left in <paramref name="buffer"/>.
    /// </summary>
    private static ZoneNode? WildcardSource(DnsZone zone, ReadOnlySpan<byte> name, Span<byte> buffer, out int wildcardLength)
    {
        wildcardLength = 0;
        var i = 0;
        while (name.Length - i > zone.Origin.Wire.Length)
        {
            i += name[i] + 1;
            if (zone.Find(name[i..]) is not null)
            {
                var encloser = name[i..];
                buffer[0] = 1;
                buffer[1] = (byte)'*';
                encloser.CopyTo(buffer[2..]);
                wildcardLength = encloser.Length + 2;
                return zone.Find(buffer[..wildcardLength]);
            }
        }

        return null;
    }

    private static bool AlreadyInChain(Resolution result, DnsName target, ReadOnlySpan<byte> qname)
    {
        if (target.Wire.AsSpan().SequenceEqual(qname))
        {
            return true;
        }

        foreach (var placed in result.Answer)
        {
            if (placed.Owner is { } owner ? owner.Equals(target) : !placed.OwnerIsQuestion && placed.Set.Owner.Equals(target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Additional-section processing (RFC 1035 §3.3): addresses of in-zone NS, MX and SRV targets.</summary>
    private static void AddTargets(DnsZone zone, RRset set, Resolution result)
    {
        if (set.Type is not (RecordType.NS or RecordType.MX or RecordType.SRV))
        {
            return;
        }

        foreach (var record in set.Records)
        {
            AddAddresses(zone, record.Target!, result, glue: false);
        }
    }

    private static void AddAddresses(DnsZone zone, DnsName target, Resolution result, bool glue)
    {
        if (!target.IsAtOrBelow(zone.Origin) || zone.Find(target.Wire) is not { } node)
        {
            return;
        }

        // Outside a referral, addresses under a delegation are not ours to give.
        if (!glue && FindCut(zone, target.Wire) is not null)
        {
            return;
        }

        if (node.Get(RecordType.A) is { } a)
        {
            result.AddAdditional(a);
        }

        if (node.Get(RecordType.AAAA) is { } aaaa)
        {
            result.AddAdditional(aaaa);
        }
    }

    /// <summary>Who owns an answer RRset: the question (step 0), the CNAME target being followed, or the set's own owner.</summary>
    private readonly record struct PlacedOwner(bool IsQuestion, DnsName? ChainName, bool Synthesized)
    {
        public PlacedSet Place(RRset set) =>
            IsQuestion ? new PlacedSet(set, true, null)
            : Synthesized ? new PlacedSet(set, false, ChainName)
            : new PlacedSet(set, false, null);
    }
}
