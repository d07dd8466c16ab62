using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Crypto;

public sealed class PublicKeyTests
{
    private static readonly ReadFunc<PublicKey> ReadKey = (ref CanonicalReader r) => PublicKey.Decode(ref r);

    [Fact]
    public void Encode_decode_round_trip_keeps_tag_and_point()
    {
        using var key = PrivateKey.Generate();
        var encoded = Decode.Write(key.PublicKey.Encode);

        Assert.Equal(PublicKey.EncodedSize, encoded.Length);
        Assert.Equal(0x01, encoded[0]);
        Assert.Equal(key.PublicKey.Point.ToArray(), encoded[1..]);
        Assert.Equal(key.PublicKey, PublicKey.Decode(encoded));
        Assert.Equal(key.PublicKey, Decode.Whole(encoded, ReadKey));
        Assert.Equal(SignatureAlgorithm.EcdsaP256Sha256, PublicKey.Decode(encoded).Algorithm);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x03)]
    [InlineData(0x04)] // the SEC1 uncompressed-point prefix is not an algorithm tag
    [InlineData(0xFF)]
    public void Decode_refuses_unknown_tag_as_UnknownType(byte tag)
    {
        byte[] input = [tag, .. new byte[PublicKey.P256PointSize]];

        Assert.Equal(DecodeError.UnknownType, Assert.Throws<DecodeException>(() => PublicKey.Decode(input)).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(64)]
    public void Decode_refuses_truncated_input(int length)
    {
        using var key = PrivateKey.Generate();
        var input = key.PublicKey.Encoded[..length].ToArray();

        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => PublicKey.Decode(input)).Error);
    }

    [Fact]
    public void Decode_of_a_whole_buffer_refuses_trailing_bytes()
    {
        using var key = PrivateKey.Generate();
        byte[] input = [.. key.PublicKey.Encoded, 0x00];

        Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => PublicKey.Decode(input)).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void FromP256Point_refuses_wrong_length(int length)
    {
        Assert.Throws<ArgumentException>(() => PublicKey.FromP256Point(new byte[length]));
    }

    [Fact]
    public void Id_is_SHA256_of_the_encoded_key()
    {
        using var key = PrivateKey.Generate();

        Assert.Equal(Hash256.Compute(key.PublicKey.Encoded), key.PublicKey.Id);
    }

    [Fact]
    public void Hex_form_round_trips_through_TryParse()
    {
        using var key = PrivateKey.Generate();
        var hex = key.PublicKey.ToString();

        Assert.Equal(130, hex.Length);
        Assert.True(PublicKey.TryParse(hex, out var parsed));
        Assert.Equal(key.PublicKey, parsed);
        Assert.True(PublicKey.TryParse(hex.ToUpperInvariant(), out parsed));
        Assert.Equal(key.PublicKey, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("zz60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299")]
    [InlineData("0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299")]
    [InlineData("0160fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d44622")]
    public void TryParse_refuses_malformed_hex_without_throwing(string? text)
    {
        Assert.False(PublicKey.TryParse(text, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void Equality_hash_code_and_order_follow_the_encoded_bytes()
    {
        var a = PublicKey.FromP256Point(Enumerable.Repeat((byte)0x01, 64).ToArray());
        var b = PublicKey.FromP256Point(Enumerable.Repeat((byte)0x01, 64).ToArray());
        var c = PublicKey.FromP256Point(Enumerable.Repeat((byte)0x02, 64).ToArray());

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
        Assert.True(a.CompareTo(c) < 0);
        Assert.True(c.CompareTo(a) > 0);
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a.CompareTo(null) > 0);
    }
}
