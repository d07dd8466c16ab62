using System.Formats.Asn1;

namespace Roundtable.Application.Identities;

/// <summary>One X.509 extension (RFC 5280 §4.1): its OID, criticality and the DER inside its OCTET STRING.</summary>
internal sealed record DerExtension(string Oid, bool Critical, byte[] Value)
{
    /// <summary>Reads an Extensions SEQUENCE; a duplicate OID or an explicit critical=FALSE (not DER) is refused.</summary>
    public static IReadOnlyList<DerExtension> ReadAll(AsnReader reader)
    {
        var list = new List<DerExtension>();
        var sequence = reader.ReadSequence();
        while (sequence.HasData)
        {
            var extension = sequence.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            var critical = false;
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                critical = extension.ReadBoolean();
                if (!critical)
                {
                    throw new CertificateException("An extension states critical=FALSE, which DER leaves out.");
                }
            }

            var value = extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
            if (list.Exists(e => e.Oid == oid))
            {
                throw new CertificateException($"The extension {oid} appears twice.");
            }

            list.Add(new DerExtension(oid, critical, value));
        }

        return list;
    }

    /// <summary>Refuses a critical extension this verifier does not process (RFC 5280 §4.2: it must not be ignored).</summary>
    public static void RefuseUnknownCritical(IReadOnlyList<DerExtension> extensions, IReadOnlyList<string> understood, string what)
    {
        var unknown = extensions.FirstOrDefault(e => e.Critical && !understood.Contains(e.Oid));
        if (unknown is not null)
        {
            throw new CertificateException($"The {what} has a critical extension {unknown.Oid} this chain does not process.");
        }
    }
}
