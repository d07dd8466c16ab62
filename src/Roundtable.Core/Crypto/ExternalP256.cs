using System.Formats.Asn1;

namespace Roundtable.Core.Crypto;

/// <summary>
/// P-256 keys and signatures made outside Roundtable (a smart card, a security key or an HSM
/// through PKCS#11, or OpenSSL) in the forms those tools export, turned into Roundtable's member
/// key (tag 1, X‖Y) and signature (tag 1, r‖s with low S). The signed bytes are the same as for a
/// keyring key: the token signs SHA-256 of the transaction's signing payload (mechanism
/// CKM_ECDSA_SHA256, or CKM_ECDSA over the digest). See docs/identities.md.
/// </summary>
public static class ExternalP256
{
    private const string EcPublicKey = "1.2.840.10045.2.1";
    private const string P256Curve = "1.2.840.10045.3.1.7";

    /// <summary>The member key of a DER SubjectPublicKeyInfo (what <c>openssl ec -pubout -outform DER</c> or a certificate holds) for an uncompressed P-256 point.</summary>
    /// <exception cref="ArgumentException">Not a P-256 SubjectPublicKeyInfo with an uncompressed point.</exception>
    public static PublicKey KeyFromSubjectPublicKeyInfo(ReadOnlySpan<byte> spki)
    {
        try
        {
            var reader = new AsnReader(spki.ToArray(), AsnEncodingRules.DER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var algorithm = info.ReadSequence();
            var isP256 = algorithm.ReadObjectIdentifier() == EcPublicKey && algorithm.ReadObjectIdentifier() == P256Curve;
            algorithm.ThrowIfNotEmpty();
            var point = info.ReadBitString(out var unused);
            info.ThrowIfNotEmpty();
            return isP256 && unused == 0
                ? KeyFromUncompressedPoint(point)
                : throw new ArgumentException("The key is not an ECDSA P-256 key.", nameof(spki));
        }
        catch (AsnContentException e)
        {
            throw new ArgumentException("Not a DER SubjectPublicKeyInfo: " + e.Message, nameof(spki), e);
        }
    }

    /// <summary>The member key of an uncompressed point 04‖X‖Y (65 bytes, as PKCS#11 CKA_EC_POINT holds it inside an OCTET STRING).</summary>
    /// <exception cref="ArgumentException">Not 65 bytes starting with 04.</exception>
    public static PublicKey KeyFromUncompressedPoint(ReadOnlySpan<byte> point) =>
        point.Length == PublicKey.P256PointSize + 1 && point[0] == 0x04
            ? PublicKey.FromP256Point(point[1..])
            : throw new ArgumentException("An uncompressed P-256 point is 65 bytes starting with 04.", nameof(point));

    /// <summary>
    /// The member signature of a DER ECDSA-Sig-Value (what <c>openssl dgst -sign</c> and most
    /// tokens' DER output give). A token may return either S; the high one is replaced by n − S,
    /// which verifies the same and is the only form Roundtable accepts.
    /// </summary>
    /// <exception cref="ArgumentException">Not a DER SEQUENCE of two positive integers of at most 32 bytes.</exception>
    public static Signature SignatureFromDer(ReadOnlySpan<byte> der) => FromRawSignature(RawFromDer(der));

    /// <summary>r‖s (64 bytes, S as given) of a strict-DER ECDSA-Sig-Value over P-256.</summary>
    /// <exception cref="ArgumentException">Not a DER SEQUENCE of two positive integers of at most 32 bytes.</exception>
    public static byte[] RawFromDer(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var rs = new byte[Signature.P256Size];
            CopyScalar(sequence.ReadIntegerBytes().Span, rs.AsSpan(0, 32));
            CopyScalar(sequence.ReadIntegerBytes().Span, rs.AsSpan(32));
            sequence.ThrowIfNotEmpty();
            return rs;
        }
        catch (AsnContentException e)
        {
            throw new ArgumentException("Not a DER ECDSA signature: " + e.Message, nameof(der), e);
        }
    }

    /// <summary>The member signature of a raw r‖s (64 bytes, what PKCS#11 CKM_ECDSA returns), S made low.</summary>
    /// <exception cref="ArgumentException">Not 64 bytes.</exception>
    public static Signature FromRawSignature(ReadOnlySpan<byte> rs)
    {
        if (rs.Length != Signature.P256Size)
        {
            throw new ArgumentException("A raw P-256 signature r‖s is 64 bytes.", nameof(rs));
        }

        var low = rs.ToArray();
        P256.NormalizeS(low.AsSpan(32));
        return Signature.FromP256(low);
    }

    private static void CopyScalar(ReadOnlySpan<byte> integer, Span<byte> into)
    {
        var magnitude = integer.Length > 1 && integer[0] == 0 ? integer[1..] : integer;
        if ((integer[0] & 0x80) != 0 || magnitude.Length > into.Length)
        {
            throw new ArgumentException("An ECDSA signature value is out of range for P-256.", nameof(integer));
        }

        magnitude.CopyTo(into[(into.Length - magnitude.Length)..]);
    }
}
