using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// The bytes an RRSIG signs (RFC 4034 §3.1.8.1): the RRSIG RDATA without its signature, then every
/// record of the RRset in canonical form (RFC 4034 §6.2: lower-case uncompressed owner, the
/// original TTL, uncompressed RDATA) sorted by RDATA (§6.3).
/// </summary>
internal static class SignedData
{
    /// <summary>Length of the RRSIG RDATA before the signer's name.</summary>
    public const int FixedHeadLength = 18;

    /// <summary>The records of <paramref name="set"/> in canonical form and order.</summary>
    public static byte[] CanonicalRRset(RRset set)
    {
        var rdatas = set.Records.Select(r => r.ToWire()).ToList();
        rdatas.Sort((x, y) => x.AsSpan().SequenceCompareTo(y));
        var owner = set.Owner.Wire;
        var bytes = new byte[rdatas.Sum(r => owner.Length + 10 + r.Length)];
        var position = 0;
        foreach (var rdata in rdatas)
        {
            owner.CopyTo(bytes, position);
            position += owner.Length;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(position), (ushort)set.Type);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(position + 2), 1);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(position + 4), set.Ttl);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(position + 8), (ushort)rdata.Length);
            rdata.CopyTo(bytes, position + 10);
            position += 10 + rdata.Length;
        }

        return bytes;
    }

    /// <summary>The fixed fields of the RRSIG RDATA: type covered, algorithm, labels, original TTL, expiration, inception, key tag.</summary>
    public static byte[] RrsigHead(RRset set, ushort keyTag, SignatureWindow window)
    {
        var head = new byte[FixedHeadLength];
        BinaryPrimitives.WriteUInt16BigEndian(head, (ushort)set.Type);
        head[2] = DnssecKey.EcdsaP256Sha256;

        // A wildcard's "*" label is not counted, which tells resolvers the answer was synthesized (RFC 4034 §3.1.3).
        head[3] = (byte)(set.Owner.LabelCount - (set.Owner.IsWildcard ? 1 : 0));
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(4), set.Ttl);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), window.Expiration);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(12), window.Inception);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(16), keyTag);
        return head;
    }
}
