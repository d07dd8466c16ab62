using System.Formats.Asn1;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Identities;

/// <summary>
/// A version 2 certificate revocation list (RFC 5280 §5) read in strict DER. Only complete,
/// direct CRLs are accepted: a delta CRL, an issuing-distribution-point (partial or indirect) CRL
/// or an entry naming another certificate issuer carries a critical extension this reader does not
/// process and is refused, as §5.2 requires.
/// </summary>
public sealed class DerRevocationList
{
    private const string CrlNumberOid = "2.5.29.20";
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string ReasonCodeOid = "2.5.29.21";
    private const string InvalidityDateOid = "2.5.29.24";

    /// <summary>Most entries accepted (a CRL of <c>PostRevocationList.MaxRevocationListBytes</c> holds fewer).</summary>
    public const int MaxEntries = 4096;

    private static readonly string[] UnderstoodListExtensions = [CrlNumberOid, AuthorityKeyIdentifierOid];
    private static readonly string[] UnderstoodEntryExtensions = [ReasonCodeOid, InvalidityDateOid];

    private DerRevocationList(byte[] encoded)
    {
        Digest = Hash256.Compute(encoded);
    }

    /// <summary>SHA-256 of the DER bytes.</summary>
    public Hash256 Digest { get; }

    /// <summary>The encoded issuer Name.</summary>
    public ReadOnlyMemory<byte> Issuer { get; private set; }

    /// <summary>thisUpdate, Unix milliseconds.</summary>
    public long ThisUpdateMs { get; private set; }

    /// <summary>The revoked serial numbers (DER INTEGER content bytes), in list order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> RevokedSerials { get; private set; } = [];

    /// <summary>The signed part, the issuer's signature and its algorithm.</summary>
    public SignedDer Envelope { get; private set; } = new(default, default, []);

    /// <summary>Parses <paramref name="der"/>; refuses anything but one well-formed complete v2 CRL with a supported signature algorithm.</summary>
    public static DerRevocationList Parse(byte[] der) => Der.Parse("revocation list", () => Read(der));

    private static DerRevocationList Read(byte[] der)
    {
        var list = new DerRevocationList(der);
        var (envelope, tbs) = SignedDer.Read(der, "revocation list");
        list.Envelope = envelope;
        if (!tbs.TryReadInt32(out var version) || version != 1)
        {
            throw new CertificateException("Only version 2 revocation lists are accepted.");
        }

        envelope.RequireSameAlgorithm(tbs, "revocation list");
        list.Issuer = tbs.ReadEncodedValue();
        list.ThisUpdateMs = Der.ReadTime(tbs);
        if (Der.IsTimeNext(tbs))
        {
            // nextUpdate: when to look for a newer list; a list stays the issuer's last word until one is posted.
            Der.ReadTime(tbs);
        }

        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            list.RevokedSerials = ReadEntries(tbs.ReadSequence());
        }

        if (tbs.HasData)
        {
            var wrapper = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            DerExtension.RefuseUnknownCritical(DerExtension.ReadAll(wrapper), UnderstoodListExtensions, "revocation list");
            wrapper.ThrowIfNotEmpty();
        }

        tbs.ThrowIfNotEmpty();
        return list;
    }

    private static ReadOnlyMemory<byte>[] ReadEntries(AsnReader entries)
    {
        var serials = new List<ReadOnlyMemory<byte>>();
        while (entries.HasData)
        {
            if (serials.Count == MaxEntries)
            {
                throw new CertificateException($"The revocation list has more than {MaxEntries} entries.");
            }

            var entry = entries.ReadSequence();
            serials.Add(entry.ReadIntegerBytes());
            Der.ReadTime(entry);
            if (entry.HasData)
            {
                DerExtension.RefuseUnknownCritical(DerExtension.ReadAll(entry), UnderstoodEntryExtensions, "revocation list entry");
            }

            entry.ThrowIfNotEmpty();
        }

        return [.. serials];
    }
}
