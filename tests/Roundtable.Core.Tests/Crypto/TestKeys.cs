using System.Numerics;

namespace Roundtable.Core.Tests.Crypto;

/// <summary>Fixed key material and curve constants shared by the crypto tests.</summary>
internal static class TestKeys
{
    /// <summary>
    /// The P-256 private key of RFC 6979 appendix A.2.5. Its public key below is published there
    /// and was checked independently with the OpenSSL 3.0 command line:
    /// <code>
    /// D=c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721
    /// # SEC1 ECPrivateKey DER with no public key: SEQUENCE { 1, OCTET STRING d, [0] prime256v1 }
    /// echo "3031020101 0420 $D a00a06082a8648ce3d030107" | tr -d ' ' | xxd -r -p > k.der
    /// openssl ec -inform DER -in k.der -text -noout      # prints pub: 04 ‖ X ‖ Y
    /// openssl pkcs8 -topk8 -nocrypt -inform DER -in k.der -outform DER | xxd -p   # Rfc6979Pkcs8 below
    /// </code>
    /// </summary>
    public const string Rfc6979ScalarHex = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";

    public const string Rfc6979PublicXHex = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";

    public const string Rfc6979PublicYHex = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    /// <summary>PKCS#8 (DER) of the same key as written by <c>openssl pkcs8 -topk8</c> (no public key inside).</summary>
    public const string Rfc6979Pkcs8Hex = "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";

    /// <summary>RFC 6979 A.2.5, SHA-256, message "sample": S is high, so its low-S twin is the canonical form.</summary>
    public const string SampleR = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";

    public const string SampleHighS = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";

    /// <summary>n − SampleHighS.</summary>
    public const string SampleLowS = "0834e36ad29a83bf2bc9385e491d6099c8fdf9d1ed67aa7ea5f51f93782857a9";

    /// <summary>RFC 6979 A.2.5, SHA-256, message "test": S is already low.</summary>
    public const string TestR = "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367";

    public const string TestS = "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083";

    /// <summary>Group order n of P-256.</summary>
    public static readonly BigInteger N = Parse("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    /// <summary>Field prime p of P-256.</summary>
    public static readonly BigInteger P = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");

    public static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    /// <summary>Big-endian, left-padded to 32 bytes.</summary>
    public static byte[] To32(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    public static byte[] Rfc6979Scalar() => Convert.FromHexString(Rfc6979ScalarHex);
}
