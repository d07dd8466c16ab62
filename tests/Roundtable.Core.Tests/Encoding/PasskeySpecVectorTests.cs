using System.Security.Cryptography;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Tests.Crypto;

namespace Roundtable.Core.Tests.Encoding;

/// <summary>The passkey signature vector of docs/encoding.md §7.3, read from the document itself.</summary>
public sealed class PasskeySpecVectorTests
{
    [Fact]
    public void The_documented_passkey_signature_decodes_re_encodes_and_verifies()
    {
        var bytes = ReadVector();
        var reader = new CanonicalReader(bytes);
        var signature = Signature.Decode(ref reader);
        reader.EnsureEnd();
        var key = PublicKey.FromPasskeyPoint(Convert.FromHexString(TestKeys.Rfc6979PublicXHex + TestKeys.Rfc6979PublicYHex));

        Assert.Equal(bytes, signature.Encoded.ToArray());
        Assert.Equal(SignatureAlgorithm.WebAuthnP256, signature.Algorithm);
        Assert.Equal(SHA256.HashData("localhost"u8), signature.RelyingPartyIdHash.ToArray());
        Assert.True(SignatureVerifier.Verify(key, "test"u8, signature));
        Assert.False(SignatureVerifier.Verify(key, "sample"u8, signature));
        Assert.False(SignatureVerifier.Verify(PublicKey.FromP256Point(key.Point), "test"u8, signature));
    }

    private static byte[] ReadVector()
    {
        var lines = File.ReadAllLines(EncodingSpecVectorsTests.FindDocument());
        var start = Array.IndexOf(lines, "```passkey-vector");
        Assert.True(start >= 0, "docs/encoding.md has no passkey-vector block");
        var hex = string.Concat(lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal))
            .Select(l => (l.Contains('#', StringComparison.Ordinal) ? l[..l.IndexOf('#', StringComparison.Ordinal)] : l).Replace(" ", string.Empty, StringComparison.Ordinal)));
        return Convert.FromHexString(hex);
    }
}
