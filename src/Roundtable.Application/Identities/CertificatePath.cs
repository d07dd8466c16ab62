namespace Roundtable.Application.Identities;

/// <summary>
/// Deterministic X.509 path validation (the parts of RFC 5280 §6.1 this chain relies on) at a
/// given time: the block's, never the wall clock's. Inputs are the anchor's root certificate and the
/// certificates below it; nothing is fetched (no AIA, OCSP or CRL distribution points) and no
/// system store is consulted, which is why .NET's <c>X509Chain</c> is not used (see docs/identities.md).
/// </summary>
public static class CertificatePath
{
    /// <summary>Most certificates between the anchor's root and the end certificate.</summary>
    public const int MaxIntermediates = 4;

    private const int KeyCertSign = 5;

    /// <summary>
    /// Refuses unless <paramref name="chain"/> (end certificate first, then each issuer up to but not
    /// including <paramref name="root"/>) is a valid path from <paramref name="root"/> at
    /// <paramref name="timeMs"/>: every certificate (the root too) valid at that time, each issued by the
    /// next (names match byte for byte, signature verifies), every issuer a CA (basicConstraints
    /// cA=TRUE, keyUsage keyCertSign) whose path length allows the certificates below it.
    /// </summary>
    public static void Require(DerCertificate root, IReadOnlyList<DerCertificate> chain, long timeMs)
    {
        if (chain.Count == 0 || chain.Count > MaxIntermediates + 1)
        {
            throw new CertificateException($"A certificate path holds 1 to {MaxIntermediates + 1} certificates below the anchor's root.");
        }

        RequireValidAt(root, timeMs, "trust anchor's root certificate");
        var issuer = root;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var certificate = chain[i];
            var what = i == 0 ? "certificate" : $"issuing certificate {i}";
            RequireIssuer(issuer, certificatesBelow: i, what);
            if (!certificate.Issuer.Span.SequenceEqual(issuer.Subject.Span))
            {
                throw new CertificateException($"The {what} was not issued by the certificate above it (issuer and subject names differ): it does not chain to this anchor.");
            }

            certificate.Envelope.RequireSignedBy(issuer.SubjectPublicKeyInfo, what);
            RequireValidAt(certificate, timeMs, what);
            issuer = certificate;
        }
    }

    /// <summary>Refuses unless <paramref name="timeMs"/> lies within the certificate's validity period (both ends inclusive).</summary>
    public static void RequireValidAt(DerCertificate certificate, long timeMs, string what)
    {
        if (timeMs < certificate.NotBeforeMs)
        {
            throw new CertificateException($"The {what} is not valid yet at the block's time (valid from {Timestamp(certificate.NotBeforeMs)}).");
        }

        if (timeMs > certificate.NotAfterMs)
        {
            throw new CertificateException($"The {what} expired before the block's time (valid until {Timestamp(certificate.NotAfterMs)}).");
        }
    }

    /// <summary>An ISO 8601 UTC rendering, independent of culture.</summary>
    public static string Timestamp(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.DateTimeFormatInfo.InvariantInfo);

    private static void RequireIssuer(DerCertificate issuer, int certificatesBelow, string what)
    {
        if (!issuer.IsCa || !issuer.HasKeyUsage(KeyCertSign))
        {
            throw new CertificateException($"The {what}'s issuer is not a certificate authority (it needs basicConstraints cA=TRUE and keyUsage keyCertSign).");
        }

        // pathLenConstraint counts the intermediate CA certificates that may follow the issuer.
        if (issuer.PathLength is { } limit && certificatesBelow > limit)
        {
            throw new CertificateException($"The {what}'s issuer allows at most {limit} intermediate certificate(s) below it; the path has {certificatesBelow}.");
        }
    }
}
