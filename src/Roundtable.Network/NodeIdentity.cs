using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using PublicKey = Roundtable.Core.Crypto.PublicKey;

namespace Roundtable.Network;

/// <summary>
/// A node's network identity: its P-256 key, the node id derived from it
/// (<see cref="PublicKey.Id"/>) and a self-signed X.509 certificate over the same key that the
/// node presents in TLS. Peers never trust the certificate's issuer, subject or validity: they pin
/// the node id computed from the certificate's public key.
/// </summary>
public sealed class NodeIdentity : IDisposable
{
    private readonly X509Certificate2 _certificate;

    /// <summary>Wraps <paramref name="key"/>; the caller keeps ownership of the key.</summary>
    /// <exception cref="CryptographicException">The certificate could not be created.</exception>
    public NodeIdentity(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        PublicKey = key.PublicKey;
        NodeId = key.PublicKey.Id;
        _certificate = CreateCertificate(key, NodeId);
    }

    /// <summary>The node's public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The node id: SHA-256 of the tagged public key.</summary>
    public Hash256 NodeId { get; }

    /// <summary>
    /// The self-signed certificate (with its private key) presented in TLS. Owned by this
    /// identity; do not dispose it.
    /// </summary>
    public X509Certificate2 Certificate => _certificate;

    /// <inheritdoc />
    public void Dispose() => _certificate.Dispose();

    /// <summary>The node id of the P-256 key in <paramref name="certificate"/>, or null with a reason.</summary>
    internal static Hash256? TryGetNodeId(X509Certificate? certificate, out string reason)
    {
        if (certificate is null)
        {
            reason = "the peer presented no certificate";
            return null;
        }

        try
        {
            using var owned = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var ecdsa = (owned ?? (X509Certificate2)certificate).GetECDsaPublicKey();
            if (ecdsa is null)
            {
                reason = "the peer's certificate does not hold an ECDSA key";
                return null;
            }

            var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
            if (!parameters.Curve.IsNamed || parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value
                || parameters.Q.X is not { Length: 32 } x || parameters.Q.Y is not { Length: 32 } y)
            {
                reason = "the peer's certificate key is not on P-256";
                return null;
            }

            Span<byte> point = stackalloc byte[PublicKey.P256PointSize];
            x.CopyTo(point);
            y.CopyTo(point[32..]);
            reason = "";
            return PublicKey.FromP256Point(point).Id;
        }
        catch (CryptographicException e)
        {
            reason = "the peer's certificate key could not be read: " + e.Message;
            return null;
        }
    }

    private static X509Certificate2 CreateCertificate(PrivateKey key, Hash256 nodeId)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.ExportPkcs8(), out _);
        var request = new CertificateRequest("CN=roundtable-node-" + nodeId, ecdsa, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server + client auth

        // Validity is never checked by peers (they pin the key), so the window only has to be sane.
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        // A PKCS#12 round trip gives a certificate whose private key every platform's TLS stack can use.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }
}
