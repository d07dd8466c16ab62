namespace Roundtable.Dns;

/// <summary>
/// Signs a zone while it is built: the DNSKEY RRset (every operator's keys) at the apex, the NSEC
/// chain over the names the zone is authoritative for plus its delegation points, and an RRSIG for
/// every authoritative RRset. Delegation NS and glue are not the zone's authoritative data and stay
/// unsigned (RFC 4035 §2.2); at a delegation only DS and NSEC are signed.
/// </summary>
internal static class ZoneSignatures
{
    /// <summary>Signs the nodes in place; returns the NSEC chain in canonical order.</summary>
    public static ZoneNode[] Apply(DnsName origin, SoaSettings soa, Dictionary<byte[], ZoneNode> nodes, ZoneSigning signing)
    {
        Check(signing, origin);
        var apex = nodes[origin.Wire];
        apex.Add(new RRset(origin, RecordType.DNSKEY, signing.DnskeyTtl, [.. signing.PublishedKeys.Distinct().Select(k => new Rdata(k.Rdata, [], [], compressible: false))]));
        var chain = NsecChain.Build(nodes, Math.Min(soa.Ttl, soa.Minimum));
        var toSign = new List<RRset>(chain.Length * 2);
        foreach (var node in chain)
        {
            toSign.AddRange(node.IsDelegation ? node.Sets.Where(s => s.Type is RecordType.DS or RecordType.NSEC) : node.Sets);
        }

        var signatures = signing.Signer.SignAll(toSign, origin, signing.Window);
        for (var i = 0; i < toSign.Count; i++)
        {
            toSign[i].Signatures = signatures[i];
        }

        return chain;
    }

    private static void Check(ZoneSigning signing, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(signing.PublishedKeys);
        ArgumentNullException.ThrowIfNull(signing.Signer);
        if (signing.PublishedKeys.Count == 0)
        {
            throw new DnsZoneException($"zone {origin}: signing needs at least one published key");
        }

        foreach (var key in signing.Signer.Keys)
        {
            if (!signing.PublishedKeys.Contains(key))
            {
                throw new DnsZoneException($"zone {origin}: this node signs with key {key.KeyTag}, which is not in the published DNSKEY set; resolvers could not check its signatures");
            }
        }

        if (signing.Window.Expiration <= signing.Window.Inception)
        {
            throw new DnsZoneException($"zone {origin}: signature expiration {signing.Window.Expiration} is not after inception {signing.Window.Inception}");
        }
    }
}
