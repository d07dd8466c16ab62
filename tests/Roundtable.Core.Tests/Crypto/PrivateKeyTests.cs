using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.Core.Tests.Crypto;

public sealed class PrivateKeyTests
{
    [Fact]
    public void Known_scalar_gives_the_published_public_key()
    {
        using var key = PrivateKey.FromScalar(TestKeys.Rfc6979Scalar());

        Assert.Equal("01" + TestKeys.Rfc6979PublicXHex + TestKeys.Rfc6979PublicYHex, key.PublicKey.ToString());
    }

    [Fact]
    public void Known_PKCS8_document_from_openssl_gives_the_published_public_key()
    {
        using var key = PrivateKey.FromPkcs8(Convert.FromHexString(TestKeys.Rfc6979Pkcs8Hex));

        Assert.Equal("01" + TestKeys.Rfc6979PublicXHex + TestKeys.Rfc6979PublicYHex, key.PublicKey.ToString());
        Assert.Equal(TestKeys.Rfc6979ScalarHex, Convert.ToHexStringLower(key.ExportScalar()));
    }

    [Fact]
    public void Scalar_export_and_import_give_the_same_public_key()
    {
        for (var i = 0; i < 20; i++)
        {
            using var key = PrivateKey.Generate();
            var scalar = key.ExportScalar();
            using var again = PrivateKey.FromScalar(scalar);

            Assert.Equal(32, scalar.Length);
            Assert.Equal(key.PublicKey, again.PublicKey);
            Assert.Equal(scalar, again.ExportScalar());
        }
    }

    [Fact]
    public void PKCS8_export_and_import_give_the_same_public_key()
    {
        using var key = PrivateKey.Generate();
        using var again = PrivateKey.FromPkcs8(key.ExportPkcs8());

        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.Equal(key.ExportScalar(), again.ExportScalar());
    }

    [Fact]
    public void Imported_key_signs_for_the_original_public_key()
    {
        using var key = PrivateKey.Generate();
        using var fromScalar = PrivateKey.FromScalar(key.ExportScalar());
        using var fromPkcs8 = PrivateKey.FromPkcs8(key.ExportPkcs8());

        Assert.True(SignatureVerifier.Verify(key.PublicKey, "m"u8, fromScalar.Sign("m"u8)));
        Assert.True(SignatureVerifier.Verify(key.PublicKey, "m"u8, fromPkcs8.Sign("m"u8)));
    }

    [Fact]
    public void Scalar_with_leading_zero_bytes_round_trips_at_32_bytes()
    {
        var scalar = new byte[32];
        scalar[31] = 1; // d = 1: the public key is the generator G
        using var key = PrivateKey.FromScalar(scalar);

        Assert.Equal(scalar, key.ExportScalar());
        Assert.Equal(
            "01" + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296" + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
            key.PublicKey.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromScalar_refuses_wrong_length(int length)
    {
        Assert.Throws<ArgumentException>(() => PrivateKey.FromScalar(new byte[length]));
    }

    [Fact]
    public void FromScalar_refuses_zero_and_the_group_order()
    {
        Assert.ThrowsAny<CryptographicException>(() => PrivateKey.FromScalar(new byte[32]));
        Assert.ThrowsAny<CryptographicException>(() => PrivateKey.FromScalar(TestKeys.To32(TestKeys.N)));
    }

    // PKCS#8 documents generated with:
    //   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:CURVE | openssl pkcs8 -topk8 -nocrypt -outform DER | xxd -p
    // secp256k1 and brainpoolP256r1 are 256-bit curves too, so a key-size check alone lets them through.
    [Theory]
    [InlineData("secp256k1", "308184020100301006072a8648ce3d020106052b8104000a046d306b0201010420739f54207baae2e604b44dda31bb3838fd3a83d5789a0348470cf5669a8bb3dda144034200045bf1a0578624446de39adb99b288ba66dc8ed1f1fe3c14cf11a1d9fbf7121faa9f7e145cca0d4312913ef2929d46702a4bb502eb5782b7790ce4a8653c89be16")]
    [InlineData("brainpoolP256r1", "308188020100301406072a8648ce3d020106092b2403030208010107046d306b0201010420335121a7eeb44d51dfe1c091908447e99c373339df024681ded4222f54215842a14403420004639357d1618c1d32285bac1fc9480ae32b8bb368745980bb0e722291b4b2c2a63c018382f7b8ce2eba543e55c6eda65bd15a18fb2d541d6831a1a429869c0064")]
    [InlineData("P-384", "3081b6020100301006072a8648ce3d020106052b8104002204819e30819b020101043045f0f9287f5914927a02a8c6b9a873a19c94986ee63d64a498691befc9ece8d9c41b17d88ddb73e4cd758d63033e8f3ba16403620004bb251f9c9214cfa454d22f71f69ef0edb32d1e0f78817396a5c42d9ed394605cf5b5dcc1ac769343412426580fedd85b4d24ff19d5ae5982b794b1c982b5a302ef26fc0b9d14db846345566370512551109694f352c1c48981c4631cf15883fb")]
    [InlineData("Ed25519", "302e020100300506032b65700422042077311c9d5de37627331455b43104c40cadda5f9abd971ffa516bb384ac99091d")]
    public void FromPkcs8_refuses_keys_on_other_curves(string curve, string pkcs8Hex)
    {
        var ex = Record.Exception(() => PrivateKey.FromPkcs8(Convert.FromHexString(pkcs8Hex)));

        Assert.True(ex is CryptographicException, $"a {curve} key was {(ex is null ? "accepted" : "refused with " + ex.GetType().Name)}");
    }

    [Fact]
    public void FromPkcs8_refuses_garbage()
    {
        Assert.ThrowsAny<CryptographicException>(() => PrivateKey.FromPkcs8([]));
        Assert.ThrowsAny<CryptographicException>(() => PrivateKey.FromPkcs8([0x30, 0x03, 0x02, 0x01, 0x00]));
    }
}
