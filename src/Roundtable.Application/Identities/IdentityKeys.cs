using System.Globalization;
using System.Text;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Identities;

/// <summary>
/// State keys of certificate affiliations (readable ASCII paths, like <see cref="State.StateKeys"/>).
/// An issuer is named by <see cref="IssuerId"/>; a serial number by the lowercase hex of its DER
/// INTEGER content, since serials are unique only per issuer.
/// </summary>
public static class IdentityKeys
{
    /// <summary>Where certificate affiliations expire, ordered by notAfter then member.</summary>
    public static readonly byte[] ExpiryPrefix = "affiliation-expiry/"u8.ToArray();

    /// <summary>A member's certificate affiliation.</summary>
    public static byte[] Affiliation(Hash256 member) => StateKeys.Path("affiliation/", member);

    /// <summary>Which member a certificate (issuer, serial) verified.</summary>
    public static byte[] Certificate(Hash256 issuer, ReadOnlySpan<byte> serial) => Encoding.ASCII.GetBytes($"certificate/{issuer}/{Convert.ToHexStringLower(serial)}");

    /// <summary>A serial that a posted CRL of the issuer listed, with the height it was first listed at.</summary>
    public static byte[] RevokedSerial(Hash256 issuer, ReadOnlySpan<byte> serial) => Encoding.ASCII.GetBytes($"revoked-serial/{issuer}/{Convert.ToHexStringLower(serial)}");

    /// <summary>The last CRL posted for an issuer.</summary>
    public static byte[] RevocationList(Hash256 issuer) => StateKeys.Path("crl/", issuer);

    /// <summary>An expiry entry: notAfter as 20 decimal digits (so byte order is time order), then the member.</summary>
    public static byte[] Expiry(ulong notAfterMs, Hash256 member) => Encoding.ASCII.GetBytes("affiliation-expiry/" + notAfterMs.ToString("D20", NumberFormatInfo.InvariantInfo) + "/" + member);

    /// <summary>The notAfter and member of an expiry entry.</summary>
    public static (ulong NotAfterMs, Hash256 Member) ParseExpiry(byte[] key)
    {
        var text = Encoding.ASCII.GetString(key, ExpiryPrefix.Length, key.Length - ExpiryPrefix.Length);
        return (ulong.Parse(text.AsSpan(0, 20), NumberStyles.None, NumberFormatInfo.InvariantInfo), Hash256.Parse(text[21..]));
    }

    /// <summary>An issuer's identity: SHA-256 of its subject Name and SubjectPublicKeyInfo, so a renewed CA certificate with the same name and key is the same issuer.</summary>
    public static Hash256 IssuerId(DerCertificate issuer)
    {
        var bytes = new byte[issuer.Subject.Length + issuer.SubjectPublicKeyInfo.Length];
        issuer.Subject.Span.CopyTo(bytes);
        issuer.SubjectPublicKeyInfo.Span.CopyTo(bytes.AsSpan(issuer.Subject.Length));
        return Hash256.Compute(bytes);
    }
}
