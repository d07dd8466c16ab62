using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

/// <summary>
/// A member key made outside Roundtable, as on a smart card or security key: the key pair is made
/// and the transaction signed by the openssl command (a real process), and only the public key
/// (SubjectPublicKeyInfo) and the DER signature come back, as a PKCS#11 token would give them.
/// </summary>
public sealed class ExternalKeyTests : IDisposable
{
    private readonly OpenSslCommand _openssl = new();

    [Fact]
    public void A_transaction_signed_by_an_externally_generated_p256_key_verifies_through_the_existing_format()
    {
        OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl("ec", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "spki.der");
        var key = ExternalP256.KeyFromSubjectPublicKeyInfo(_openssl.Read("spki.der"));
        var message = new RegisterMember("Card Holder", "government", "europe", []);
        var payload = Transaction.SigningPayload("roundtable-test", key, 0, 100, message);

        // Several signatures: OpenSSL returns high S about half the time, which the conversion must make low.
        for (var i = 0; i < 4; i++)
        {
            _openssl.Write("payload.bin", payload);
            OpenSsl("dgst", "-sha256", "-sign", "key.pem", "-out", "signature.der", "payload.bin");
            var signature = ExternalP256.SignatureFromDer(_openssl.Read("signature.der"));

            var tx = Transaction.Decode(Transaction.FromParts("roundtable-test", key, 0, 100, message, signature).Encoded);

            Assert.True(tx.VerifySignature());
            Assert.Equal(SignatureAlgorithm.EcdsaP256Sha256, tx.Sender.Algorithm);
        }
    }

    [Fact]
    public void The_uncompressed_point_of_a_token_is_the_same_key_as_its_subject_public_key_info()
    {
        OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl("ec", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "spki.der");
        var spki = _openssl.Read("spki.der");

        Assert.Equal(ExternalP256.KeyFromSubjectPublicKeyInfo(spki), ExternalP256.KeyFromUncompressedPoint(spki.AsSpan(spki.Length - 65)));
        Assert.Throws<ArgumentException>(() => ExternalP256.KeyFromUncompressedPoint(spki.AsSpan(spki.Length - 64)));
    }

    [Fact]
    public void A_high_s_signature_from_a_token_is_made_low_and_still_verifies_while_malformed_der_is_refused()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign("payload"u8);
        var twin = HighS.Twin(signature);
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(twin.AsSpan(1, 32));
            writer.WriteIntegerUnsigned(twin.AsSpan(33, 32));
        }

        Assert.Equal(signature, ExternalP256.SignatureFromDer(writer.Encode()));
        Assert.Equal(signature, ExternalP256.FromRawSignature(twin.AsSpan(1)));
        Assert.Throws<ArgumentException>(() => ExternalP256.SignatureFromDer([0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00]));
        Assert.Throws<ArgumentException>(() => ExternalP256.SignatureFromDer([0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01]));
    }

    [Fact]
    public void A_key_of_another_curve_is_refused()
    {
        OpenSsl("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl("ec", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "spki.der");
        Assert.Throws<ArgumentException>(() => ExternalP256.KeyFromSubjectPublicKeyInfo(_openssl.Read("spki.der")));
    }

    public void Dispose() => _openssl.Dispose();

    private void OpenSsl(params string[] arguments) => _openssl.Run(arguments);
}
