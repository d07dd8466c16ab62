using Roundtable.Core.Encoding;

namespace Roundtable.Core.Crypto;

/// <summary>
/// A signature with its algorithm tag. Tag 1 (ECDSA P-256) is the tag byte followed by r‖s
/// (65 bytes). Tag 2 (a passkey's WebAuthn assertion) is the tag byte, the length-prefixed
/// authenticator data, the length-prefixed client data JSON and r‖s. Decoding refuses high-S
/// signatures, so each signed message has exactly one valid encoding of a given assertion.
/// </summary>
public sealed class Signature : IEquatable<Signature>
{
    /// <summary>Size of r‖s for P-256.</summary>
    public const int P256Size = 64;

    /// <summary>Encoded size of an ECDSA P-256 (tag 1) signature: tag byte plus r‖s.</summary>
    public const int EncodedSize = 1 + P256Size;

    /// <summary>Smallest WebAuthn authenticator data: rpIdHash (32), flags (1), signature counter (4).</summary>
    public const int MinAuthenticatorDataSize = 37;

    /// <summary>Largest authenticator data accepted (room for extensions, not for attested credential data).</summary>
    public const int MaxAuthenticatorDataSize = 512;

    /// <summary>Largest client data JSON accepted.</summary>
    public const int MaxClientDataJsonSize = 1024;

    /// <summary>Largest encoding of any signature: a tag-2 signature with both fields at their limits.</summary>
    public const int MaxEncodedSize = 1 + 2 + MaxAuthenticatorDataSize + 2 + MaxClientDataJsonSize + P256Size;

    private readonly byte[] _encoded;
    private readonly int _authenticatorDataOffset;
    private readonly int _authenticatorDataLength;
    private readonly int _clientDataOffset;
    private readonly int _clientDataLength;

    private Signature(byte[] encoded, int authenticatorDataOffset = 0, int authenticatorDataLength = 0, int clientDataOffset = 0, int clientDataLength = 0)
    {
        _encoded = encoded;
        _authenticatorDataOffset = authenticatorDataOffset;
        _authenticatorDataLength = authenticatorDataLength;
        _clientDataOffset = clientDataOffset;
        _clientDataLength = clientDataLength;
    }

    /// <summary>The algorithm of this signature.</summary>
    public SignatureAlgorithm Algorithm => (SignatureAlgorithm)_encoded[0];

    /// <summary>r‖s without the tag (the last 64 bytes of the encoding, for both tags).</summary>
    public ReadOnlySpan<byte> RS => _encoded.AsSpan(_encoded.Length - P256Size);

    /// <summary>A passkey signature's authenticator data; empty for tag 1.</summary>
    public ReadOnlySpan<byte> AuthenticatorData => _encoded.AsSpan(_authenticatorDataOffset, _authenticatorDataLength);

    /// <summary>A passkey signature's client data JSON; empty for tag 1.</summary>
    public ReadOnlySpan<byte> ClientDataJson => _encoded.AsSpan(_clientDataOffset, _clientDataLength);

    /// <summary>A passkey signature's relying-party id hash (the first 32 bytes of the authenticator data); empty for tag 1.</summary>
    public ReadOnlySpan<byte> RelyingPartyIdHash => AuthenticatorData.IsEmpty ? [] : AuthenticatorData[..32];

    /// <summary>Tag and body as encoded on the wire.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>Wraps a P-256 r‖s; refuses high S.</summary>
    /// <exception cref="ArgumentException">Wrong length or S above n/2.</exception>
    public static Signature FromP256(ReadOnlySpan<byte> rs)
    {
        RequireLowS(rs);
        var encoded = new byte[EncodedSize];
        encoded[0] = (byte)SignatureAlgorithm.EcdsaP256Sha256;
        rs.CopyTo(encoded.AsSpan(1));
        return new Signature(encoded);
    }

    /// <summary>Wraps a WebAuthn assertion (a passkey signature); refuses fields out of bounds and high S.</summary>
    /// <exception cref="ArgumentException">A field is out of bounds or S is above n/2.</exception>
    public static Signature FromWebAuthn(ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientDataJson, ReadOnlySpan<byte> rs)
    {
        if (authenticatorData.Length is < MinAuthenticatorDataSize or > MaxAuthenticatorDataSize)
        {
            throw new ArgumentException($"Authenticator data is {MinAuthenticatorDataSize} to {MaxAuthenticatorDataSize} bytes.", nameof(authenticatorData));
        }

        if (clientDataJson.Length is 0 or > MaxClientDataJsonSize)
        {
            throw new ArgumentException($"Client data JSON is 1 to {MaxClientDataJsonSize} bytes.", nameof(clientDataJson));
        }

        RequireLowS(rs);
        return Assemble(authenticatorData, clientDataJson, rs);
    }

    /// <summary>Decodes tag and body of a member's signature (ECDSA or passkey); refuses unknown algorithms, bad bounds and high S.</summary>
    public static Signature Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        switch (tag)
        {
            case (byte)SignatureAlgorithm.EcdsaP256Sha256:
                return FromP256(ReadLowS(ref reader));
            case (byte)SignatureAlgorithm.WebAuthnP256:
                var authenticatorData = reader.ReadBytes(MaxAuthenticatorDataSize, "authenticator data");
                if (authenticatorData.Length < MinAuthenticatorDataSize)
                {
                    throw new DecodeException(DecodeError.InvalidValue, $"Authenticator data is {authenticatorData.Length} bytes; at least {MinAuthenticatorDataSize} (rpIdHash, flags, counter).");
                }

                var clientData = reader.ReadBytes(MaxClientDataJsonSize, "client data JSON");
                if (clientData.IsEmpty)
                {
                    throw new DecodeException(DecodeError.InvalidValue, "Client data JSON is empty.");
                }

                return Assemble(authenticatorData, clientData, ReadLowS(ref reader));
            default:
                throw new DecodeException(DecodeError.UnknownType, $"Unknown signature algorithm {tag}.");
        }
    }

    /// <summary>Decodes a validator's signature (proposals, votes, commit signatures): only ECDSA P-256 (tag 1).</summary>
    public static Signature DecodeConsensus(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        if (tag != (byte)SignatureAlgorithm.EcdsaP256Sha256)
        {
            throw new DecodeException(DecodeError.UnknownType, PublicKey.ConsensusOnlyMessage("signature", tag));
        }

        return FromP256(ReadLowS(ref reader));
    }

    /// <summary>Parses the hex form produced by <see cref="ToString"/> (either tag).</summary>
    public static bool TryParse(string? hex, out Signature? signature)
    {
        signature = null;
        if (hex is null || hex.Length > MaxEncodedSize * 2)
        {
            return false;
        }

        try
        {
            var reader = new CanonicalReader(Convert.FromHexString(hex));
            var decoded = Decode(ref reader);
            reader.EnsureEnd();
            signature = decoded;
            return true;
        }
        catch (Exception e) when (e is FormatException or DecodeException)
        {
            return false;
        }
    }

    /// <summary>Writes tag and body.</summary>
    public void Encode(CanonicalWriter writer) => writer.WriteFixed(_encoded);

    /// <inheritdoc />
    public bool Equals(Signature? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Signature);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_encoded);
        return hash.ToHashCode();
    }

    /// <summary>Lowercase hex of tag and body.</summary>
    public override string ToString() => Convert.ToHexStringLower(_encoded);

    private static Signature Assemble(ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientData, ReadOnlySpan<byte> rs)
    {
        var writer = new CanonicalWriter(1 + 4 + authenticatorData.Length + clientData.Length + P256Size);
        writer.WriteByte((byte)SignatureAlgorithm.WebAuthnP256);
        writer.WriteVarUInt((ulong)authenticatorData.Length);
        var authenticatorDataOffset = writer.Length;
        writer.WriteFixed(authenticatorData);
        writer.WriteVarUInt((ulong)clientData.Length);
        var clientDataOffset = writer.Length;
        writer.WriteFixed(clientData);
        writer.WriteFixed(rs);
        return new Signature(writer.ToArray(), authenticatorDataOffset, authenticatorData.Length, clientDataOffset, clientData.Length);
    }

    private static ReadOnlySpan<byte> ReadLowS(ref CanonicalReader reader)
    {
        var rs = reader.ReadFixed(P256Size);
        if (!P256.IsLowS(rs[32..]))
        {
            throw new DecodeException(DecodeError.NonCanonical, "Signature S is above n/2; only low-S signatures are canonical.");
        }

        return rs;
    }

    private static void RequireLowS(ReadOnlySpan<byte> rs)
    {
        if (rs.Length != P256Size)
        {
            throw new ArgumentException($"A P-256 signature is {P256Size} bytes.", nameof(rs));
        }

        if (!P256.IsLowS(rs[32..]))
        {
            throw new ArgumentException("Signature S is above n/2; only low-S signatures are canonical.", nameof(rs));
        }
    }
}
