using System.Security.Cryptography;

namespace Roundtable.Dns;

/// <summary>
/// This node's own DNSSEC private key (ECDSA P-256, algorithm 13). In the multi-signer model
/// (RFC 8901 model 2) every operator keeps its key to itself and signs the zone it serves with
/// it; only the public half (<see cref="PublicKey"/>) is shared, in every operator's DNSKEY RRset.
/// Store it with <see cref="ExportPkcs8"/> or <see cref="ExportPrivateScalar"/>.
/// </summary>
public sealed class DnssecSigningKey : IDisposable
{
    private const int ScalarLength = 32;

    private readonly ECDsa ecdsa;

    private DnssecSigningKey(ECDsa ecdsa, ushort flags)
    {
        this.ecdsa = ecdsa;
        var q = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        PublicKey = new DnssecKey(flags, [.. q.X!, .. q.Y!]);
    }

    /// <summary>The public key to publish, with this key's flags.</summary>
    public DnssecKey PublicKey { get; }

    /// <summary>A new random key.</summary>
    /// <param name="flags"><see cref="DnssecKey.SecureEntryPointFlags"/> (257) for a key that signs everything, or 256 for a zone-signing key beside a separate 257 key.</param>
    public static DnssecSigningKey Generate(ushort flags = DnssecKey.SecureEntryPointFlags) =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256), flags);

    /// <summary>Imports a key stored with <see cref="ExportPkcs8"/> (unencrypted PKCS#8, as <c>openssl genpkey</c> writes in DER).</summary>
    /// <exception cref="CryptographicException">Not a PKCS#8 P-256 private key.</exception>
    public static DnssecSigningKey ImportPkcs8(ReadOnlySpan<byte> pkcs8, ushort flags = DnssecKey.SecureEntryPointFlags)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            if (ecdsa.KeySize != 256 || ecdsa.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("the PKCS#8 key is not on curve P-256");
            }

            return new DnssecSigningKey(ecdsa, flags);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Imports the 32-byte private scalar (the <c>PrivateKey:</c> field of a BIND/ldns .private file, base64-decoded).</summary>
    /// <exception cref="CryptographicException">Not a valid P-256 private scalar.</exception>
    public static DnssecSigningKey ImportPrivateScalar(ReadOnlySpan<byte> scalar, ushort flags = DnssecKey.SecureEntryPointFlags)
    {
        if (scalar.Length != ScalarLength)
        {
            throw new CryptographicException($"a P-256 private key is {ScalarLength} bytes, not {scalar.Length}");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar.ToArray() });
            return new DnssecSigningKey(ecdsa, flags);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>The key as unencrypted PKCS#8 DER; keep the file readable by the node only.</summary>
    public byte[] ExportPkcs8() => ecdsa.ExportPkcs8PrivateKey();

    /// <summary>The 32-byte private scalar.</summary>
    public byte[] ExportPrivateScalar() => ecdsa.ExportParameters(includePrivateParameters: true).D!;

    /// <inheritdoc />
    public void Dispose() => ecdsa.Dispose();

    /// <summary>Signs <paramref name="data"/> with SHA-256; the signature is r || s, 64 bytes, the form RFC 6605 §4 puts in RRSIG.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) =>
        ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
