using System.Formats.Asn1;

namespace Roundtable.Application.Identities;

/// <summary>
/// The envelope X.509 certificates and CRLs share (RFC 5280 §4.1.1, §5.1.1): the signed part as
/// encoded, the signature algorithm and the signature value.
/// </summary>
/// <param name="Signed">The signed part (tbsCertificate or tbsCertList), as encoded.</param>
/// <param name="Algorithm">The encoded signature AlgorithmIdentifier.</param>
/// <param name="Signature">The signature value.</param>
public sealed record SignedDer(ReadOnlyMemory<byte> Signed, ReadOnlyMemory<byte> Algorithm, byte[] Signature)
{
    /// <summary>Reads the envelope of <paramref name="der"/>; returns it and a reader on the signed part.</summary>
    internal static (SignedDer Envelope, AsnReader Tbs) Read(byte[] der, string what)
    {
        var outer = Der.Reader(der);
        var sequence = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var signed = sequence.PeekEncodedValue();
        var tbs = sequence.ReadSequence();
        var (_, algorithm) = Der.ReadAlgorithm(sequence);
        var envelope = new SignedDer(signed, algorithm, Der.ReadWholeBitString(sequence, what + " signature"));
        sequence.ThrowIfNotEmpty();
        return (envelope, tbs);
    }

    /// <summary>Reads the signed part's own algorithm field; refuses it unless it equals the envelope's and is supported.</summary>
    internal void RequireSameAlgorithm(AsnReader tbs, string what)
    {
        var (_, inner) = Der.ReadAlgorithm(tbs);
        if (!inner.Span.SequenceEqual(Algorithm.Span) || !SignatureCheck.IsSupported(Algorithm.Span))
        {
            throw new CertificateException($"The {what}'s signature algorithm is not ECDSA P-256 or RSA PKCS#1 v1.5 with SHA-256, or differs inside and outside the signed part.");
        }
    }

    /// <summary>Refuses unless the signature verifies with <paramref name="issuerKey"/> (a SubjectPublicKeyInfo).</summary>
    public void RequireSignedBy(ReadOnlyMemory<byte> issuerKey, string what) =>
        SignatureCheck.Require(issuerKey, Algorithm.Span, Signed.Span, Signature, what);
}
