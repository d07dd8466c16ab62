using System.Numerics;
using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.Core.Tests.Crypto;

/// <summary>
/// The libcrypto verifier and the .NET one must accept exactly the same keys and signatures:
/// a node that used the other would otherwise disagree about a block. Each case is run through
/// both and the verdicts compared, valid and invalid alike.
/// </summary>
public sealed class P256VerifierAgreementTests
{
    private static readonly BigInteger Order = Parse("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    private static readonly BigInteger Prime = Parse("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");

    [Fact]
    public void The_libcrypto_verifier_is_the_one_in_use_on_linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), OpenSslP256.IsAvailable);
    }

    [Fact]
    public void Both_accept_valid_signatures_and_refuse_every_flipped_bit_of_message_or_signature()
    {
        for (var i = 0; i < 50; i++)
        {
            using var key = PrivateKey.Generate();
            var message = BitConverter.GetBytes(i);
            var rs = key.Sign(message).RS.ToArray();
            AssertAgree(key.PublicKey, message, rs, expected: true);

            var flipped = (byte[])rs.Clone();
            flipped[i % 64] ^= (byte)(1 << (i % 8));
            AssertAgree(key.PublicKey, message, flipped, expected: false);
            AssertAgree(key.PublicKey, [.. message, 0], rs, expected: false);
        }
    }

    [Fact]
    public void Both_accept_the_high_S_twin_of_a_signature_which_only_the_signature_decoder_refuses()
    {
        using var key = PrivateKey.Generate();
        var rs = key.Sign("twin"u8).RS.ToArray();
        var highS = Order - new BigInteger(rs.AsSpan(32), isUnsigned: true, isBigEndian: true);

        AssertAgree(key.PublicKey, "twin"u8.ToArray(), [.. rs[..32], .. Bytes(highS)], expected: true);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "0")]
    [InlineData("n", "1")]
    [InlineData("1", "n")]
    [InlineData("n+1", "1")]
    [InlineData("max", "max")]
    public void Both_refuse_r_or_s_outside_one_to_n_minus_one(string r, string s)
    {
        using var key = PrivateKey.Generate();
        AssertAgree(key.PublicKey, "range"u8.ToArray(), [.. Bytes(Value(r)), .. Bytes(Value(s))], expected: false);
    }

    [Fact]
    public void Both_refuse_points_off_the_curve_or_with_a_coordinate_at_or_above_the_prime()
    {
        using var key = PrivateKey.Generate();
        var point = key.PublicKey.Point.ToArray();
        var (x, y) = PointWithSmallX();
        Assert.True(OpenSslP256.IsOnCurve([.. Bytes(x), .. Bytes(y)]));
        Assert.True(DotNetEcdsa.IsValidKey(PublicKey.FromP256Point([.. Bytes(x), .. Bytes(y)])));
        byte[][] bad =
        [
            [.. point[..63], (byte)(point[63] ^ 1)],
            new byte[64],
            [.. Bytes(x + Prime), .. Bytes(y)], // the same point, x written unreduced
            [.. Bytes(Prime), .. point[32..]],
            [.. Enumerable.Repeat((byte)0xFF, 64)],
        ];
        var rs = key.Sign("off"u8).RS.ToArray();

        foreach (var candidate in bad)
        {
            var publicKey = PublicKey.FromP256Point(candidate);
            Assert.False(OpenSslP256.IsOnCurve(candidate));
            Assert.False(DotNetEcdsa.IsValidKey(publicKey));
            AssertAgree(publicKey, "off"u8.ToArray(), rs, expected: false);
        }
    }

    [Fact]
    public void Both_agree_on_random_points_and_signatures()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var point = new byte[64];
            var rs = new byte[64];
            random.NextBytes(point);
            random.NextBytes(rs);
            var publicKey = PublicKey.FromP256Point(point);
            Assert.Equal(DotNetEcdsa.IsValidKey(publicKey), OpenSslP256.IsOnCurve(point));
            AssertAgree(publicKey, point, rs, expected: false);
        }
    }

    /// <summary>A curve point whose x is small enough that x + p still fits 32 bytes (y = sqrt(x³ − 3x + b), p ≡ 3 mod 4).</summary>
    private static (BigInteger X, BigInteger Y) PointWithSmallX()
    {
        var b = Parse("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
        for (BigInteger x = 1; ; x++)
        {
            var rhs = BigInteger.Remainder((x * x * x) - (3 * x) + b, Prime);
            var y = BigInteger.ModPow(rhs, (Prime + 1) / 4, Prime);
            if (BigInteger.Remainder(y * y, Prime) == rhs)
            {
                return (x, y);
            }
        }
    }

    private static void AssertAgree(PublicKey key, byte[] message, byte[] rs, bool expected)
    {
        var digest = SHA256.HashData(message);
        Assert.Equal(expected, DotNetEcdsa.Verify(key, message, rs));
        Assert.Equal(expected, OpenSslP256.Verify(key.Point, digest, rs));
    }

    private static BigInteger Value(string name) => name switch
    {
        "n" => Order,
        "n+1" => Order + 1,
        "max" => (BigInteger.One << 256) - 1,
        _ => BigInteger.Parse(name, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    private static byte[] Bytes(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
