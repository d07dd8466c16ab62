using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Roundtable.Core.Crypto;

/// <summary>
/// The stateless checks of a passkey signature (a WebAuthn assertion) over a message, before the
/// ECDSA verification: the client data says "webauthn.get" with the challenge SHA-256(message),
/// and the authenticator saw the user present. Which relying-party ids are allowed depends on the
/// chain's parameters and is checked by the application. Deterministic: the JSON is read with
/// <see cref="Utf8JsonReader"/> and only its strings are interpreted.
/// </summary>
public static class WebAuthnAssertion
{
    /// <summary>The authenticator-data flag "user present".</summary>
    public const byte UserPresentFlag = 0x01;

    /// <summary>The offset of the flags byte in the authenticator data (after the 32-byte rpIdHash).</summary>
    public const int FlagsOffset = 32;

    private static readonly byte[] WebAuthnGet = "webauthn.get"u8.ToArray();

    /// <summary>The challenge a passkey signs for <paramref name="message"/>: SHA-256 of it (for a transaction, its signing hash).</summary>
    public static byte[] Challenge(ReadOnlySpan<byte> message) => SHA256.HashData(message);

    /// <summary>The bytes the authenticator signs with ECDSA P-256/SHA-256: authenticatorData ‖ SHA-256(clientDataJSON).</summary>
    public static byte[] SignedBytes(ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientDataJson)
    {
        var signed = new byte[authenticatorData.Length + SHA256.HashSizeInBytes];
        authenticatorData.CopyTo(signed);
        SHA256.HashData(clientDataJson, signed.AsSpan(authenticatorData.Length));
        return signed;
    }

    /// <summary>
    /// True when the assertion's client data and authenticator data are those of a WebAuthn
    /// authentication over <paramref name="message"/>: type "webauthn.get", challenge the
    /// base64url (unpadded) of SHA-256(message), the user-present flag set. The signature itself is not checked here.
    /// </summary>
    public static bool IsAssertionOver(ReadOnlySpan<byte> message, ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientDataJson)
    {
        if (authenticatorData.Length < Signature.MinAuthenticatorDataSize || (authenticatorData[FlagsOffset] & UserPresentFlag) == 0)
        {
            return false;
        }

        Span<byte> challenge = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(message, challenge);
        Span<byte> expected = stackalloc byte[Base64Url.GetEncodedLength(challenge.Length)];
        Base64Url.EncodeToUtf8(challenge, expected);
        return HasTypeAndChallenge(clientDataJson, expected);
    }

    /// <summary>
    /// Reads the client data JSON strictly: one object; "type" and "challenge" each present once,
    /// as strings, with the expected values; other members skipped whatever they hold. Anything
    /// that is not well-formed JSON (comments, trailing commas, a second value) is refused.
    /// </summary>
    private static bool HasTypeAndChallenge(ReadOnlySpan<byte> clientDataJson, ReadOnlySpan<byte> expectedChallenge)
    {
        var reader = new Utf8JsonReader(clientDataJson, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool typeSeen = false, challengeSeen = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isChallenge = !isType && reader.ValueTextEquals("challenge"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isType || isChallenge)
                {
                    if (reader.TokenType != JsonTokenType.String || (isType ? typeSeen : challengeSeen)
                        || !reader.ValueTextEquals(isType ? WebAuthnGet : expectedChallenge))
                    {
                        return false;
                    }

                    typeSeen |= isType;
                    challengeSeen |= isChallenge;
                }
                else if (!reader.TrySkip())
                {
                    return false;
                }
            }

            // The loop ends at the closing brace of the object; nothing may follow it.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read() && typeSeen && challengeSeen;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
