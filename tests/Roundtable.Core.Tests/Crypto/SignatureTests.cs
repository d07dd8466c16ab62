using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Crypto;

public sealed class SignatureTests
{
    private static readonly ReadFunc<Signature> ReadSignature = (ref CanonicalReader r) => Signature.Decode(ref r);

    private static byte[] HighSTwin(Signature signature)
    {
        var rs = signature.RS.ToArray();
        var s = TestKeys.Parse(Convert.ToHexStringLower(rs.AsSpan(32)));
        TestKeys.To32(TestKeys.N - s).CopyTo(rs, 32);
        return rs;
    }

    [Fact]
    public void Sign_then_verify_round_trip()
    {
        using var key = PrivateKey.Generate();
        var message = "a proposal pinned by hash"u8.ToArray();

        var signature = key.Sign(message);

        Assert.Equal(SignatureAlgorithm.EcdsaP256Sha256, signature.Algorithm);
        Assert.Equal(Signature.EncodedSize, signature.Encoded.Length);
        Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));
    }

    [Fact]
    public void Empty_and_large_messages_sign_and_verify()
    {
        using var key = PrivateKey.Generate();
        var large = new byte[1 << 20];
        new Random(50).NextBytes(large);

        Assert.True(SignatureVerifier.Verify(key.PublicKey, [], key.Sign([])));
        Assert.True(SignatureVerifier.Verify(key.PublicKey, large, key.Sign(large)));
    }

    [Fact]
    public void Every_produced_signature_is_low_S()
    {
        using var key = PrivateKey.Generate();
        var halfOrder = TestKeys.N / 2;
        var message = new byte[16];
        for (var i = 0; i < 500; i++)
        {
            BitConverter.TryWriteBytes(message, i);
            var signature = key.Sign(message);
            var s = TestKeys.Parse(Convert.ToHexStringLower(signature.RS[32..]));

            Assert.True(s <= halfOrder, $"signature {i} has high S");
            Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));

            // The high-S twin is a valid ECDSA signature too, which is exactly why it must be refused.
            var twin = HighSTwin(signature);
            Assert.Throws<ArgumentException>(() => Signature.FromP256(twin));
        }
    }

    [Fact]
    public void High_S_twin_is_refused_by_Decode_as_NonCanonical()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign("vote yes"u8);
        var twin = HighSTwin(signature);

        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([0x01, .. twin], ReadSignature));
        Assert.Equal(signature, Decode.Whole(signature.Encoded.ToArray(), ReadSignature));
    }

    [Fact]
    public void High_S_twin_is_refused_by_FromP256_with_ArgumentException()
    {
        using var key = PrivateKey.Generate();
        var twin = HighSTwin(key.Sign("vote yes"u8));

        Assert.Throws<ArgumentException>(() => Signature.FromP256(twin));
    }

    [Fact]
    public void S_equal_to_half_the_order_is_accepted_and_one_more_is_refused()
    {
        var r = new byte[32];
        r[31] = 1;
        var half = TestKeys.To32(TestKeys.N / 2);
        var halfPlusOne = TestKeys.To32((TestKeys.N / 2) + 1);

        Assert.Equal(Hex.Of([0x01, .. r, .. half]), Signature.FromP256([.. r, .. half]).ToString());
        Assert.Throws<ArgumentException>(() => Signature.FromP256([.. r, .. halfPlusOne]));
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([0x01, .. r, .. halfPlusOne], ReadSignature));
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([0x01, .. r, .. Enumerable.Repeat((byte)0xFF, 32)], ReadSignature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void FromP256_refuses_wrong_length(int length)
    {
        Assert.Throws<ArgumentException>(() => Signature.FromP256(new byte[length]));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x03)]
    [InlineData(0xFF)]
    public void Decode_refuses_unknown_algorithm_tag_as_UnknownType(byte tag)
    {
        Assert.Equal(DecodeError.UnknownType, Decode.Refusal([tag, .. new byte[64]], ReadSignature));
    }

    [Fact]
    public void Decode_refuses_truncated_input()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], ReadSignature));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([0x01], ReadSignature));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([0x01, .. new byte[63]], ReadSignature));
    }

    [Fact]
    public void Encode_writes_tag_then_r_then_s()
    {
        byte[] rs = [.. Convert.FromHexString(TestKeys.TestR), .. Convert.FromHexString(TestKeys.TestS)];
        var signature = Signature.FromP256(rs);

        var bytes = Decode.Write(signature.Encode);

        Assert.Equal([0x01, .. rs], bytes);
        Assert.Equal(Hex.Of(bytes), signature.ToString());
        Assert.Equal(rs, signature.RS.ToArray());
    }

    [Fact]
    public void Equality_follows_the_bytes()
    {
        byte[] rs = [.. Convert.FromHexString(TestKeys.TestR), .. Convert.FromHexString(TestKeys.TestS)];
        var a = Signature.FromP256(rs);
        var b = Signature.FromP256(rs.ToArray());
        rs[10] ^= 1;
        var c = Signature.FromP256(rs);

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
    }
}
