using System.Security.Cryptography;

namespace Roundtable.Core.Crypto;

/// <summary>
/// A P-256 private key. Signing hashes the message with SHA-256 and always yields a low-S
/// signature. Lives outside consensus: the state machine only ever verifies.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    /// <summary>OID of NIST P-256 (prime256v1, secp256r1).</summary>
    private const string P256CurveOid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _ecdsa;

    private PrivateKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        Span<byte> point = stackalloc byte[PublicKey.P256PointSize];
        parameters.Q.X!.CopyTo(point);
        parameters.Q.Y!.CopyTo(point[32..]);
        PublicKey = PublicKey.FromP256Point(point);
    }

    /// <summary>The matching public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>A fresh key from the operating system's random source.</summary>
    public static PrivateKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Imports the 32-byte scalar D.</summary>
    public static PrivateKey FromScalar(ReadOnlySpan<byte> d)
    {
        if (d.Length != 32)
        {
            throw new ArgumentException("A P-256 private scalar is 32 bytes.", nameof(d));
        }

        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d.ToArray() });
        return new PrivateKey(ecdsa);
    }

    /// <summary>Imports a PKCS#8 document (DER).</summary>
    /// <exception cref="CryptographicException">The document is malformed or the key is not on P-256.</exception>
    public static PrivateKey FromPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);

            // Key size alone is not enough: secp256k1 and brainpoolP256r1 are 256-bit curves too.
            if (ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != P256CurveOid)
            {
                throw new CryptographicException("Only P-256 keys are supported.");
            }
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }

        return new PrivateKey(ecdsa);
    }

    /// <summary>The 32-byte scalar D.</summary>
    public byte[] ExportScalar() => _ecdsa.ExportParameters(includePrivateParameters: true).D!;

    /// <summary>PKCS#8 (DER), the portable form for key files and hardware tokens.</summary>
    public byte[] ExportPkcs8() => _ecdsa.ExportPkcs8PrivateKey();

    /// <summary>PKCS#8 in PEM ("PRIVATE KEY"), the form of key files on disk.</summary>
    public string ExportPem() => new(PemEncoding.Write("PRIVATE KEY", ExportPkcs8()));

    /// <summary>Imports a PEM "PRIVATE KEY" (PKCS#8) document.</summary>
    /// <exception cref="CryptographicException">The text is not a P-256 PKCS#8 PEM key.</exception>
    public static PrivateKey FromPem(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PRIVATE KEY")
        {
            throw new CryptographicException("Expected a PEM block labelled PRIVATE KEY.");
        }

        return FromPkcs8(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    /// <summary>Signs SHA-256(<paramref name="message"/>) and returns a low-S signature.</summary>
    public Signature Sign(ReadOnlySpan<byte> message)
    {
        Span<byte> rs = stackalloc byte[Signature.P256Size];
        if (!_ecdsa.TrySignData(message, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != rs.Length)
        {
            throw new CryptographicException("ECDSA signing produced an unexpected length.");
        }

        P256.NormalizeS(rs[32..]);
        return Signature.FromP256(rs);
    }

    /// <inheritdoc />
    public void Dispose() => _ecdsa.Dispose();
}
