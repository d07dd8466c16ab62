namespace Roundtable.Dns;

/// <summary>
/// The NSEC chain (RFC 4034 §4, RFC 4035 §2.3): one NSEC per name the zone holds data for, and per
/// delegation point, linking to the next such name in canonical order, the last back to the apex.
/// Empty non-terminals and names under a delegation (glue) are not on it. Built from committed
/// state only, so every operator builds the same chain and any mix of their answers agrees.
/// </summary>
internal static class NsecChain
{
    /// <summary>Adds an NSEC RRset with TTL <paramref name="ttl"/> to every chain node; returns the chain sorted.</summary>
    public static ZoneNode[] Build(Dictionary<byte[], ZoneNode> nodes, uint ttl)
    {
        var lookup = nodes.GetAlternateLookup<ReadOnlySpan<byte>>();
        var chain = nodes.Values.Where(n => !n.IsEmpty && !IsBelowCut(n, lookup)).ToArray();
        Array.Sort(chain, (x, y) => CanonicalOrder.Compare(x.Name.Wire, y.Name.Wire));
        for (var i = 0; i < chain.Length; i++)
        {
            var node = chain[i];
            var next = chain[(i + 1) % chain.Length].Name;
            var bitmap = TypeBitmap.Encode(Types(node));
            node.Add(new RRset(node.Name, RecordType.NSEC, ttl, [new Rdata([], [next], bitmap, compressible: false)]));
        }

        return chain;
    }

    /// <summary>
    /// The types at a name plus RRSIG and NSEC; at a delegation only NS and DS, the types the parent
    /// answers for there, never the glue (RFC 4034 §4.1.2).
    /// </summary>
    private static IEnumerable<RecordType> Types(ZoneNode node)
    {
        var types = node.Sets.Select(s => s.Type);
        if (node.IsDelegation)
        {
            types = types.Where(t => t is RecordType.NS or RecordType.DS);
        }

        return types.Append(RecordType.RRSIG).Append(RecordType.NSEC);
    }

    private static bool IsBelowCut(ZoneNode node, Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> nodes)
    {
        ReadOnlySpan<byte> name = node.Name.Wire;
        for (var i = name[0] + 1; i < name.Length - 1; i += name[i] + 1)
        {
            if (nodes.TryGetValue(name[i..], out var ancestor) && ancestor.IsDelegation)
            {
                return true;
            }
        }

        return false;
    }
}
