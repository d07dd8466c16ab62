using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Roundtable.Application.Parameters;

namespace Roundtable.Application.Tests.Identities;

/// <summary>
/// Real certificates and CRLs made with .NET's builders (CertificateRequest,
/// CertificateRevocationListBuilder), valid by default around the application tests' genesis time
/// (TestChain.GenesisTimeMs; also linked into the node tests, whose chains run on the wall clock and
/// pass their own validity). Making them may use the platform; checking them in the application
/// must not, which is what the tests pin.
/// </summary>
internal static class TestPki
{
    public static readonly DateTimeOffset Genesis = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);
    public static readonly DateTimeOffset From = Genesis.AddDays(-1);
    public static readonly DateTimeOffset Until = Genesis.AddYears(1);

    /// <summary>A certificate authority: its certificate, name and signing key.</summary>
    internal sealed record Authority(byte[] Der, X500DistinguishedName Name, X509SignatureGenerator Signer, byte[] KeyId);

    public static Authority Root(string name, bool rsa = false, int? pathLength = null, DateTimeOffset? until = null) => Ca(null, name, rsa, isCa: true, pathLength, until);

    /// <summary>An intermediate; <paramref name="isCa"/> false leaves out basicConstraints' cA (the "issuer lacks CA=true" case).</summary>
    public static Authority Intermediate(Authority issuer, string name, bool rsa = false, bool isCa = true, int? pathLength = null, DateTimeOffset? until = null) =>
        Ca(issuer, name, rsa, isCa, pathLength, until);

    public static TrustAnchor Anchor(string name, Authority root, params string[] groups) => new(name, groups, root.Der);

    /// <summary>A leaf for <paramref name="member"/>'s P-256 key, with O=<paramref name="organisation"/>.</summary>
    public static byte[] Leaf(Authority issuer, Core.Crypto.PrivateKey member, byte serial, string organisation = "Example University", DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        var point = member.PublicKey.Point.ToArray();
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[..32], Y = point[32..] } });
        var request = new CertificateRequest(new X500DistinguishedName($"CN=Ada Lovelace, O={organisation}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.Create(issuer.Name, issuer.Signer, from ?? From, until ?? Until, [0x01, serial]);
        return certificate.RawData;
    }

    /// <summary>A CRL of <paramref name="signer"/> issued at <paramref name="thisUpdate"/> listing the leaves with these serials.</summary>
    public static byte[] Crl(Authority signer, DateTimeOffset thisUpdate, params byte[] serials)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var serial in serials)
        {
            builder.AddEntry([0x01, serial], thisUpdate);
        }

        return builder.Build(
            signer.Name,
            signer.Signer,
            new BigInteger(Math.Abs(thisUpdate.ToUnixTimeSeconds())),
            thisUpdate.AddDays(7),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(signer.KeyId),
            thisUpdate);
    }

    private static Authority Ca(Authority? issuer, string name, bool rsa, bool isCa, int? pathLength, DateTimeOffset? until = null)
    {
        var subject = new X500DistinguishedName($"CN={name}, O={name} Trust Services");
        AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new CertificateRequest(subject, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, critical: true));
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        var keyId = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        request.CertificateExtensions.Add(keyId);
        var signer = key is RSA rsaKey ? X509SignatureGenerator.CreateForRSA(rsaKey, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa((ECDsa)key);
        using var certificate = request.Create(issuer?.Name ?? subject, issuer?.Signer ?? signer, From, until ?? Until.AddYears(1), [0x02, (byte)name.Length]);
        return new Authority(certificate.RawData, subject, signer, Convert.FromHexString(keyId.SubjectKeyIdentifier!));
    }
}
