using System.Security.Cryptography;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Core.Tests.Crypto;

/// <summary>Tag 2: a passkey's WebAuthn assertion over SHA-256 of the message, verified from real-shaped data.</summary>
public sealed class PasskeySignatureTests
{
    private static readonly byte[] Message = "roundtable.tx.v1 a signing payload"u8.ToArray();
    private static readonly ReadFunc<Signature> ReadSignature = (ref CanonicalReader r) => Signature.Decode(ref r);

    [Fact]
    public void A_passkey_assertion_over_the_message_hash_verifies_and_round_trips()
    {
        using var passkey = new SoftwarePasskey();
        var signature = passkey.Sign(Message);

        Assert.Equal(SignatureAlgorithm.WebAuthnP256, signature.Algorithm);
        Assert.Equal(SignatureAlgorithm.WebAuthnP256, passkey.PublicKey.Algorithm);
        Assert.True(SignatureVerifier.Verify(passkey.PublicKey, Message, signature));
        Assert.Equal(signature, Decode.Whole(signature.Encoded.ToArray(), ReadSignature));
        Assert.True(Signature.TryParse(signature.ToString(), out var parsed));
        Assert.Equal(signature, parsed);
        Assert.Equal(SHA256.HashData("localhost"u8), signature.RelyingPartyIdHash.ToArray());
        Assert.Equal(passkey.PublicKey, PublicKey.Decode(passkey.PublicKey.Encoded));
    }

    [Fact]
    public void Other_client_data_members_of_any_kind_are_skipped()
    {
        using var passkey = new SoftwarePasskey();
        var challenge = Base64Url(SHA256.HashData(Message));
        var json = $$"""{"challenge":"{{challenge}}","tokenBinding":{"status":"supported","n":[1,2.5,true]},"type":"webauthn.get","other_keys_can_be_added_here":"do not compare clientDataJSON against a template"}""";

        Assert.True(SignatureVerifier.Verify(passkey.PublicKey, Message, passkey.SignAssertion(passkey.AuthenticatorData(), System.Text.Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData("wrong type", """{"type":"webauthn.create","challenge":"@"}""")]
    [InlineData("type missing", """{"challenge":"@"}""")]
    [InlineData("challenge missing", """{"type":"webauthn.get"}""")]
    [InlineData("wrong challenge", """{"type":"webauthn.get","challenge":"AAAA"}""")]
    [InlineData("padded challenge", """{"type":"webauthn.get","challenge":"@="}""")]
    [InlineData("type twice", """{"type":"webauthn.get","type":"webauthn.get","challenge":"@"}""")]
    [InlineData("challenge twice", """{"type":"webauthn.get","challenge":"@","challenge":"@"}""")]
    [InlineData("challenge not a string", """{"type":"webauthn.get","challenge":["@"]}""")]
    [InlineData("not an object", """["webauthn.get","@"]""")]
    [InlineData("trailing value", """{"type":"webauthn.get","challenge":"@"} {}""")]
    [InlineData("trailing comma", """{"type":"webauthn.get","challenge":"@",}""")]
    [InlineData("comment", """{"type":"webauthn.get",/* x */"challenge":"@"}""")]
    [InlineData("truncated", """{"type":"webauthn.get","challenge":"@" """)]
    [InlineData("not JSON", "webauthn.get @")]
    public void Client_data_that_is_not_a_get_over_this_challenge_is_refused(string what, string template)
    {
        using var passkey = new SoftwarePasskey();
        var json = template.Replace("@", Base64Url(SHA256.HashData(Message)), StringComparison.Ordinal);
        var signature = passkey.SignAssertion(passkey.AuthenticatorData(), System.Text.Encoding.UTF8.GetBytes(json));

        Assert.False(SignatureVerifier.Verify(passkey.PublicKey, Message, signature), what);
    }

    [Fact]
    public void An_assertion_for_another_message_is_refused()
    {
        using var passkey = new SoftwarePasskey();

        Assert.False(SignatureVerifier.Verify(passkey.PublicKey, "another payload"u8, passkey.Sign(Message)));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x04)]
    [InlineData(0x44)]
    public void Without_the_user_present_flag_it_is_refused(byte flags)
    {
        using var passkey = new SoftwarePasskey();
        var clientData = System.Text.Encoding.UTF8.GetBytes(SoftwarePasskey.ClientData(SHA256.HashData(Message)));

        Assert.False(SignatureVerifier.Verify(passkey.PublicKey, Message, passkey.SignAssertion(passkey.AuthenticatorData(flags), clientData)));
        Assert.True(SignatureVerifier.Verify(passkey.PublicKey, Message, passkey.SignAssertion(passkey.AuthenticatorData((byte)(flags | 1)), clientData)));
    }

    [Fact]
    public void Tampering_with_any_byte_of_the_authenticator_data_or_client_data_is_refused()
    {
        using var passkey = new SoftwarePasskey();
        var signature = passkey.Sign(Message);
        var authenticatorData = signature.AuthenticatorData.ToArray();
        var clientData = signature.ClientDataJson.ToArray();

        for (var i = 0; i < authenticatorData.Length; i++)
        {
            var tampered = authenticatorData.ToArray();
            tampered[i] ^= 0x02; // keeps the user-present bit: the signature is what refuses it
            Assert.False(SignatureVerifier.Verify(passkey.PublicKey, Message, Signature.FromWebAuthn(tampered, clientData, signature.RS)), $"authenticator data byte {i}");
        }

        var origin = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(clientData).Replace("localhost", "evil.test", StringComparison.Ordinal));
        Assert.False(SignatureVerifier.Verify(passkey.PublicKey, Message, Signature.FromWebAuthn(authenticatorData, origin, signature.RS)));
    }

    [Fact]
    public void High_S_is_refused_at_decoding_and_construction()
    {
        using var passkey = new SoftwarePasskey();
        var signature = passkey.Sign(Message);
        var rs = signature.RS.ToArray();
        var s = TestKeys.Parse(Convert.ToHexStringLower(rs.AsSpan(32)));
        TestKeys.To32(TestKeys.N - s).CopyTo(rs, 32);
        var encoded = signature.Encoded.ToArray();
        rs.CopyTo(encoded, encoded.Length - 64);

        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal(encoded, ReadSignature));
        Assert.Throws<ArgumentException>(() => Signature.FromWebAuthn(signature.AuthenticatorData, signature.ClientDataJson, rs));
    }

    [Fact]
    public void Fields_out_of_bounds_are_refused()
    {
        var rs = new byte[64];
        rs[0] = 1;
        rs[32] = 1;
        byte[] Encode(int authenticatorData, int clientData) => Decode.Write(w =>
        {
            w.WriteByte(2);
            w.WriteBytes(new byte[authenticatorData]);
            w.WriteBytes(new byte[clientData]);
            w.WriteFixed(rs);
        });

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode(Signature.MaxAuthenticatorDataSize + 1, 10), ReadSignature));
        Assert.Equal(DecodeError.InvalidValue, Decode.Refusal(Encode(Signature.MinAuthenticatorDataSize - 1, 10), ReadSignature));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode(40, Signature.MaxClientDataJsonSize + 1), ReadSignature));
        Assert.Equal(DecodeError.InvalidValue, Decode.Refusal(Encode(40, 0), ReadSignature));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(Encode(40, 10)[..^1], ReadSignature));
        var largest = Encode(Signature.MaxAuthenticatorDataSize, Signature.MaxClientDataJsonSize);
        Assert.Equal(Signature.MaxEncodedSize, largest.Length);
        Assert.Equal(largest, Decode.Whole(largest, ReadSignature).Encoded.ToArray());
        Assert.Throws<ArgumentException>(() => Signature.FromWebAuthn(new byte[36], new byte[10], rs));
        Assert.Throws<ArgumentException>(() => Signature.FromWebAuthn(new byte[40], new byte[1025], rs));
    }

    [Fact]
    public void A_passkey_accepts_only_passkey_signatures_and_an_ECDSA_key_only_ECDSA_signatures()
    {
        using var passkey = new SoftwarePasskey();
        var ecdsaSignature = passkey.Ecdsa.Sign(Message);
        var passkeySignature = passkey.Sign(Message);

        Assert.True(SignatureVerifier.Verify(passkey.EcdsaKey, Message, ecdsaSignature));
        Assert.False(SignatureVerifier.Verify(passkey.PublicKey, Message, ecdsaSignature));
        Assert.False(SignatureVerifier.Verify(passkey.EcdsaKey, Message, passkeySignature));

        // The raw r‖s of the assertion, re-tagged as ECDSA, is a signature over other bytes.
        Assert.False(SignatureVerifier.Verify(passkey.EcdsaKey, Message, Signature.FromP256(passkeySignature.RS)));
        Assert.NotEqual(passkey.PublicKey.Id, passkey.EcdsaKey.Id);
    }

    [Fact]
    public void Consensus_decoders_refuse_passkey_keys_and_signatures_with_a_clear_reason()
    {
        using var passkey = new SoftwarePasskey();
        var key = Assert.Throws<DecodeException>(() => Decode.Whole(passkey.PublicKey.Encoded.ToArray(), (ref CanonicalReader r) => PublicKey.DecodeConsensusKey(ref r)));
        var signature = Assert.Throws<DecodeException>(() => Decode.Whole(passkey.Sign(Message).Encoded.ToArray(), (ref CanonicalReader r) => Signature.DecodeConsensus(ref r)));

        Assert.Equal(DecodeError.UnknownType, key.Error);
        Assert.Contains("passkey", key.Message, StringComparison.Ordinal);
        Assert.Equal(DecodeError.UnknownType, signature.Error);
        Assert.Contains("passkey", signature.Message, StringComparison.Ordinal);
        Assert.NotNull(PublicKey.ConsensusKeyProblem(passkey.PublicKey));
        Assert.Null(PublicKey.ConsensusKeyProblem(passkey.EcdsaKey));
    }

    [Fact]
    public void An_off_curve_passkey_never_verifies()
    {
        using var passkey = new SoftwarePasskey();
        var offCurve = PublicKey.FromPasskeyPoint(Enumerable.Repeat((byte)1, 64).ToArray());

        Assert.False(SignatureVerifier.IsValidKey(offCurve));
        Assert.False(SignatureVerifier.Verify(offCurve, Message, passkey.Sign(Message)));
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
