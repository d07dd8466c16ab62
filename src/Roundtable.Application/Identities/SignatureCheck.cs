using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.Application.Identities;

/// <summary>
/// Checks an X.509 signature (a certificate's or a CRL's) with the issuer's SubjectPublicKeyInfo,
/// using the .NET primitives directly: ECDSA P-256 with SHA-256, and RSA PKCS#1 v1.5 with
/// SHA-256 (2048–4096-bit moduli). Keys, algorithm identifiers and the ECDSA signature are read by
/// this code in strict DER, so what is accepted does not depend on the platform's parser; the
/// primitives are then pure functions of their inputs (no store, no clock).
/// </summary>
internal static class SignatureCheck
{
    /// <summary>ecdsa-with-SHA256, parameters absent (RFC 5758 §3.2).</summary>
    public static readonly byte[] EcdsaSha256 = Convert.FromHexString("300A06082A8648CE3D040302");

    /// <summary>sha256WithRSAEncryption, parameters NULL (RFC 4055 §5).</summary>
    public static readonly byte[] RsaSha256 = Convert.FromHexString("300D06092A864886F70D01010B0500");

    private const string EcPublicKey = "1.2.840.10045.2.1";
    private const string P256Curve = "1.2.840.10045.3.1.7";
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const int MinRsaBits = 2048;
    private const int MaxRsaBits = 4096;

    /// <summary>True when <paramref name="algorithm"/> (an encoded AlgorithmIdentifier) is one this chain verifies.</summary>
    public static bool IsSupported(ReadOnlySpan<byte> algorithm) =>
        algorithm.SequenceEqual(EcdsaSha256) || algorithm.SequenceEqual(RsaSha256);

    /// <summary>Refuses unless <paramref name="signature"/> by <paramref name="issuerKey"/> over <paramref name="signed"/> verifies.</summary>
    public static void Require(ReadOnlyMemory<byte> issuerKey, ReadOnlySpan<byte> algorithm, ReadOnlySpan<byte> signed, byte[] signature, string what)
    {
        var (keyOid, keyParameters, keyBits) = Der.Parse("issuer's public key", () => ReadKeyInfo(issuerKey));
        bool ok;
        if (keyOid == EcPublicKey && algorithm.SequenceEqual(EcdsaSha256))
        {
            ok = keyParameters == P256Curve && VerifyEcdsa(keyBits, signed, Der.Parse("ECDSA signature", () => ExternalP256.RawFromDer(signature)));
        }
        else if (keyOid == RsaEncryption && algorithm.SequenceEqual(RsaSha256))
        {
            ok = VerifyRsa(Der.Parse("issuer's RSA key", () => RsaKey(keyBits)), signed, signature);
        }
        else
        {
            throw new CertificateException($"The {what} is signed with an algorithm its issuer's key cannot make (supported: ECDSA P-256 or RSA with SHA-256).");
        }

        if (!ok)
        {
            throw new CertificateException($"The {what}'s signature does not verify with its issuer's key.");
        }
    }

    /// <summary>The 64-byte X‖Y of a P-256 SubjectPublicKeyInfo, or null when the key is of another kind.</summary>
    public static byte[]? P256Point(ReadOnlyMemory<byte> subjectPublicKeyInfo)
    {
        var (oid, parameters, bits) = Der.Parse("subject public key", () => ReadKeyInfo(subjectPublicKeyInfo));
        return oid == EcPublicKey && parameters == P256Curve && bits.Length == 65 && bits[0] == 0x04 ? bits[1..] : null;
    }

    private static (string Oid, string? Parameters, byte[] Bits) ReadKeyInfo(ReadOnlyMemory<byte> spki)
    {
        var reader = Der.Reader(spki);
        var info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var algorithm = info.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        string? parameters = null;
        if (algorithm.HasData)
        {
            if (algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.Null))
            {
                algorithm.ReadNull();
            }
            else
            {
                parameters = algorithm.ReadObjectIdentifier();
            }
        }

        algorithm.ThrowIfNotEmpty();
        var bits = Der.ReadWholeBitString(info, "public key");
        info.ThrowIfNotEmpty();
        return (oid, parameters, bits);
    }

    private static bool VerifyEcdsa(byte[] point, ReadOnlySpan<byte> signed, byte[] rs)
    {
        if (point.Length != 65 || point[0] != 0x04)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
            return ecdsa.VerifyData(signed, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            // A point off the curve: no signature can verify with it.
            return false;
        }
    }

    private static RSAParameters RsaKey(byte[] rsaPublicKey)
    {
        var reader = Der.Reader(rsaPublicKey);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var modulus = sequence.ReadIntegerBytes().Span;
        var exponent = sequence.ReadIntegerBytes().Span;
        sequence.ThrowIfNotEmpty();
        var n = modulus.Length > 1 && modulus[0] == 0 ? modulus[1..] : modulus;
        var bits = (n.Length * 8) - BitOperations.LeadingZeroCount((uint)n[0]) + 24;
        if ((modulus[0] & 0x80) != 0 || bits is < MinRsaBits or > MaxRsaBits)
        {
            throw new CertificateException($"An RSA key must have a {MinRsaBits}–{MaxRsaBits}-bit modulus.");
        }

        if ((exponent[0] & 0x80) != 0 || exponent.Length > 4 || (exponent[^1] & 1) == 0 || (exponent.Length == 1 && exponent[0] < 3))
        {
            throw new CertificateException("An RSA key's public exponent must be odd, at least 3 and at most 32 bits.");
        }

        return new RSAParameters { Modulus = n.ToArray(), Exponent = exponent.ToArray() };
    }

    private static bool VerifyRsa(RSAParameters key, ReadOnlySpan<byte> signed, byte[] signature)
    {
        if (signature.Length != key.Modulus!.Length)
        {
            return false;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(key);
            return rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            // A modulus the library refuses (even, or otherwise unusable): no signature verifies with it.
            return false;
        }
    }
}
