using System.Formats.Asn1;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Identities;

/// <summary>
/// An X.509 v3 certificate (RFC 5280 §4.1) read in strict DER: only the fields path validation and
/// the affiliation need. Parsing checks structure, not trust; <see cref="CertificatePath"/> checks trust.
/// </summary>
public sealed class DerCertificate
{
    private const string BasicConstraintsOid = "2.5.29.19";
    private const string KeyUsageOid = "2.5.29.15";
    private const string SubjectAltNameOid = "2.5.29.17";
    private const string OrganisationOid = "2.5.4.10";
    private const int MaxSerialBytes = 21;

    private static readonly string[] Understood = [BasicConstraintsOid, KeyUsageOid, SubjectAltNameOid];

    private DerCertificate(byte[] encoded)
    {
        Encoded = encoded;
        Digest = Hash256.Compute(encoded);
    }

    /// <summary>The certificate's DER bytes.</summary>
    public byte[] Encoded { get; }

    /// <summary>SHA-256 of <see cref="Encoded"/>: what the state keeps instead of the certificate.</summary>
    public Hash256 Digest { get; }

    /// <summary>The serial number's DER INTEGER content bytes.</summary>
    public ReadOnlyMemory<byte> Serial { get; private set; }

    /// <summary>The encoded issuer Name.</summary>
    public ReadOnlyMemory<byte> Issuer { get; private set; }

    /// <summary>The encoded subject Name.</summary>
    public ReadOnlyMemory<byte> Subject { get; private set; }

    /// <summary>Start of validity, Unix milliseconds.</summary>
    public long NotBeforeMs { get; private set; }

    /// <summary>End of validity (inclusive), Unix milliseconds.</summary>
    public long NotAfterMs { get; private set; }

    /// <summary>The encoded SubjectPublicKeyInfo.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo { get; private set; }

    /// <summary>True when basicConstraints says cA=TRUE.</summary>
    public bool IsCa { get; private set; }

    /// <summary>basicConstraints' pathLenConstraint, or null when absent.</summary>
    public int? PathLength { get; private set; }

    /// <summary>The keyUsage bits (bit 0 first, RFC 5280 §4.2.1.3), or null when the extension is absent.</summary>
    public byte[]? KeyUsage { get; private set; }

    /// <summary>The subject's organisation (O=) values that are UTF-8, printable, IA5 or BMP strings, in certificate order.</summary>
    public IReadOnlyList<string> Organisations { get; private set; } = [];

    /// <summary>The signed part, the issuer's signature and its algorithm.</summary>
    public SignedDer Envelope { get; private set; } = new(default, default, []);

    /// <summary>True when the subject and the issuer are the same name (RFC 5280 "self-issued").</summary>
    public bool IsSelfIssued => Subject.Span.SequenceEqual(Issuer.Span);

    /// <summary>True when keyUsage is present and sets bit <paramref name="bit"/> (0 digitalSignature, 5 keyCertSign, 6 cRLSign).</summary>
    public bool HasKeyUsage(int bit) => KeyUsage is { } usage && bit / 8 < usage.Length && (usage[bit / 8] & (0x80 >> (bit % 8))) != 0;

    /// <summary>Parses <paramref name="der"/>; refuses anything but one well-formed v3 certificate with a supported signature algorithm.</summary>
    public static DerCertificate Parse(byte[] der) => Der.Parse("certificate", () => Read(der));

    private static DerCertificate Read(byte[] der)
    {
        var certificate = new DerCertificate(der);
        var (envelope, tbs) = SignedDer.Read(der, "certificate");
        certificate.Envelope = envelope;
        var version = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
        if (!version.TryReadInt32(out var v) || v != 2)
        {
            throw new CertificateException("Only X.509 version 3 certificates are accepted.");
        }

        version.ThrowIfNotEmpty();
        certificate.Serial = tbs.ReadIntegerBytes();
        if (certificate.Serial.Length > MaxSerialBytes)
        {
            throw new CertificateException("The certificate's serial number is longer than 20 octets.");
        }

        envelope.RequireSameAlgorithm(tbs, "certificate");
        certificate.Issuer = tbs.ReadEncodedValue();
        var validity = tbs.ReadSequence();
        certificate.NotBeforeMs = Der.ReadTime(validity);
        certificate.NotAfterMs = Der.ReadTime(validity);
        validity.ThrowIfNotEmpty();
        certificate.Subject = tbs.PeekEncodedValue();
        certificate.Organisations = ReadOrganisations(tbs.ReadSequence());
        certificate.SubjectPublicKeyInfo = tbs.ReadEncodedValue();
        SkipUniqueId(tbs, 1);
        SkipUniqueId(tbs, 2);
        if (tbs.HasData)
        {
            var wrapper = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 3));
            certificate.ReadExtensions(DerExtension.ReadAll(wrapper));
            wrapper.ThrowIfNotEmpty();
        }

        tbs.ThrowIfNotEmpty();
        return certificate;
    }

    private static void SkipUniqueId(AsnReader tbs, int tag)
    {
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, tag)))
        {
            tbs.ReadEncodedValue();
        }
    }

    private void ReadExtensions(IReadOnlyList<DerExtension> extensions)
    {
        DerExtension.RefuseUnknownCritical(extensions, Understood, "certificate");
        if (extensions.FirstOrDefault(e => e.Oid == BasicConstraintsOid) is { } basic)
        {
            var reader = Der.Reader(basic.Value);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                IsCa = sequence.ReadBoolean();
                if (!IsCa)
                {
                    throw new CertificateException("basicConstraints states cA=FALSE, which DER leaves out.");
                }
            }

            if (sequence.HasData)
            {
                PathLength = sequence.TryReadInt32(out var length) && length >= 0 ? length : throw new CertificateException("basicConstraints has a path length out of range.");
            }

            sequence.ThrowIfNotEmpty();
        }

        if (extensions.FirstOrDefault(e => e.Oid == KeyUsageOid) is { } usage)
        {
            var reader = Der.Reader(usage.Value);
            KeyUsage = reader.ReadBitString(out _);
            reader.ThrowIfNotEmpty();
        }
    }

    private static string[] ReadOrganisations(AsnReader name)
    {
        var organisations = new List<string>();
        while (name.HasData)
        {
            var rdn = name.ReadSetOf();
            while (rdn.HasData)
            {
                var attribute = rdn.ReadSequence();
                var type = attribute.ReadObjectIdentifier();
                var tag = attribute.PeekTag();
                if (type == OrganisationOid && tag.TagClass == TagClass.Universal
                    && (UniversalTagNumber)tag.TagValue is UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or UniversalTagNumber.BMPString)
                {
                    organisations.Add(attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue));
                }
                else
                {
                    attribute.ReadEncodedValue();
                }

                attribute.ThrowIfNotEmpty();
            }
        }

        return [.. organisations];
    }
}
