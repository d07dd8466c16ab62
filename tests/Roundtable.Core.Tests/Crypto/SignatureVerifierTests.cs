using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.Core.Tests.Crypto;

public sealed class SignatureVerifierTests
{
    private static PublicKey Rfc6979Key() =>
        PublicKey.FromP256Point(Convert.FromHexString(TestKeys.Rfc6979PublicXHex + TestKeys.Rfc6979PublicYHex));

    [Fact]
    public void Fails_for_a_different_message()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign("yes"u8);

        Assert.False(SignatureVerifier.Verify(key.PublicKey, "no"u8, signature));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, "yes "u8, signature));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, [], signature));
    }

    [Fact]
    public void Fails_for_a_different_key()
    {
        using var signer = PrivateKey.Generate();
        using var other = PrivateKey.Generate();
        var signature = signer.Sign("yes"u8);

        Assert.False(SignatureVerifier.Verify(other.PublicKey, "yes"u8, signature));
    }

    [Fact]
    public void Fails_when_any_bit_of_the_signature_or_message_is_flipped()
    {
        using var key = PrivateKey.Generate();
        var message = "flip me"u8.ToArray();
        var signature = key.Sign(message);

        for (var bit = 0; bit < Signature.P256Size * 8; bit++)
        {
            var rs = signature.RS.ToArray();
            rs[bit / 8] ^= (byte)(1 << (bit % 8));
            Signature flipped;
            try
            {
                flipped = Signature.FromP256(rs);
            }
            catch (ArgumentException)
            {
                continue; // the flip made S high: refused before it can even be verified
            }

            Assert.False(SignatureVerifier.Verify(key.PublicKey, message, flipped), $"bit {bit} of r‖s");
        }

        for (var bit = 0; bit < message.Length * 8; bit++)
        {
            var tampered = message.ToArray();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(SignatureVerifier.Verify(key.PublicKey, tampered, signature), $"bit {bit} of the message");
        }
    }

    [Fact]
    public void Fails_when_any_bit_of_the_public_key_is_flipped_without_throwing()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign("m"u8);

        for (var bit = 0; bit < PublicKey.P256PointSize * 8; bit += 5)
        {
            var point = key.PublicKey.Point.ToArray();
            point[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(SignatureVerifier.Verify(PublicKey.FromP256Point(point), "m"u8, signature), $"bit {bit} of the key");
        }
    }

    [Fact]
    public void Point_not_on_the_curve_is_not_a_valid_key_and_verifies_nothing()
    {
        var notOnCurve = PublicKey.FromP256Point(Enumerable.Repeat((byte)0x01, 64).ToArray());
        var signature = Signature.FromP256([.. Convert.FromHexString(TestKeys.TestR), .. Convert.FromHexString(TestKeys.TestS)]);

        Assert.False(SignatureVerifier.IsValidKey(notOnCurve));
        Assert.False(SignatureVerifier.Verify(notOnCurve, "test"u8, signature));
        // A second call answers from the cache the same way.
        Assert.False(SignatureVerifier.IsValidKey(notOnCurve));
        Assert.False(SignatureVerifier.Verify(notOnCurve, "test"u8, signature));
    }

    [Fact]
    public void Point_at_infinity_encoded_as_zeros_is_not_a_valid_key()
    {
        var zeros = PublicKey.FromP256Point(new byte[64]);

        Assert.False(SignatureVerifier.IsValidKey(zeros));
        Assert.False(SignatureVerifier.Verify(zeros, "m"u8, Signature.FromP256(new byte[64])));
    }

    [Fact]
    public void Coordinate_not_reduced_modulo_p_is_not_a_valid_key()
    {
        // (0, y) is on P-256. Writing x = 0 as p (which fits in 32 bytes) would be a second
        // encoding of the same point: a second key id for one signer. It must be refused.
        var y = TestKeys.Parse("66485c780e2f83d72433bd5d84a06bb6541c2af31dae871728bf856a174f93f4");
        var reduced = PublicKey.FromP256Point([.. TestKeys.To32(0), .. TestKeys.To32(y)]);
        var unreduced = PublicKey.FromP256Point([.. TestKeys.To32(TestKeys.P), .. TestKeys.To32(y)]);

        Assert.True(SignatureVerifier.IsValidKey(reduced));
        Assert.False(SignatureVerifier.IsValidKey(unreduced));
    }

    [Fact]
    public void Generated_keys_are_valid()
    {
        using var key = PrivateKey.Generate();

        Assert.True(SignatureVerifier.IsValidKey(key.PublicKey));
        Assert.True(SignatureVerifier.IsValidKey(Rfc6979Key()));
    }

    [Fact]
    public void Zero_r_or_s_verifies_false_without_throwing()
    {
        using var key = PrivateKey.Generate();
        var valid = key.Sign("m"u8);

        Assert.False(SignatureVerifier.Verify(key.PublicKey, "m"u8, Signature.FromP256(new byte[64])));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, "m"u8, Signature.FromP256([.. new byte[32], .. valid.RS[32..]])));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, "m"u8, Signature.FromP256([.. valid.RS[..32], .. new byte[32]])));
    }

    [Fact]
    public void Known_answer_RFC6979_signature_with_low_S_verifies()
    {
        var signature = Signature.FromP256([.. Convert.FromHexString(TestKeys.TestR), .. Convert.FromHexString(TestKeys.TestS)]);

        Assert.True(SignatureVerifier.Verify(Rfc6979Key(), "test"u8, signature));
        Assert.False(SignatureVerifier.Verify(Rfc6979Key(), "sample"u8, signature));
    }

    [Fact]
    public void Known_answer_RFC6979_signature_with_high_S_is_refused_and_its_low_S_twin_verifies()
    {
        byte[] high = [.. Convert.FromHexString(TestKeys.SampleR), .. Convert.FromHexString(TestKeys.SampleHighS)];
        byte[] low = [.. Convert.FromHexString(TestKeys.SampleR), .. Convert.FromHexString(TestKeys.SampleLowS)];

        Assert.Equal(TestKeys.N - TestKeys.Parse(TestKeys.SampleHighS), TestKeys.Parse(TestKeys.SampleLowS));
        Assert.Throws<ArgumentException>(() => Signature.FromP256(high));
        Assert.True(SignatureVerifier.Verify(Rfc6979Key(), "sample"u8, Signature.FromP256(low)));

        // The platform itself accepts both forms: the low-S rule is ours and is what makes r‖s unique.
        using var platform = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Convert.FromHexString(TestKeys.Rfc6979PublicXHex), Y = Convert.FromHexString(TestKeys.Rfc6979PublicYHex) },
        });
        Assert.True(platform.VerifyData("sample"u8, high, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.True(platform.VerifyData("sample"u8, low, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void Signature_by_a_key_rebuilt_from_its_encoding_verifies()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign("m"u8);
        var decodedKey = PublicKey.Decode(key.PublicKey.Encoded);
        var decodedSignature = Signature.FromP256(signature.RS);

        Assert.True(SignatureVerifier.Verify(decodedKey, "m"u8, decodedSignature));
    }
}
