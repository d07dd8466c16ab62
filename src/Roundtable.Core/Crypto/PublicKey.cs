using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Crypto;

/// <summary>
/// A public key with its algorithm tag. Encoded as the tag byte followed by the
/// uncompressed point X‖Y (65 bytes for P-256, whether an ECDSA key, tag 1, or a passkey, tag 2). Immutable.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>, IComparable<PublicKey>
{
    /// <summary>Size of the point for <see cref="SignatureAlgorithm.EcdsaP256Sha256"/> and <see cref="SignatureAlgorithm.WebAuthnP256"/>.</summary>
    public const int P256PointSize = 64;

    /// <summary>Encoded size: tag byte plus point.</summary>
    public const int EncodedSize = 1 + P256PointSize;

    private readonly byte[] _encoded;

    private PublicKey(byte[] encoded)
    {
        _encoded = encoded;
        Id = Hash256.Compute(encoded);
    }

    /// <summary>The algorithm of this key.</summary>
    public SignatureAlgorithm Algorithm => (SignatureAlgorithm)_encoded[0];

    /// <summary>The point X‖Y without the tag.</summary>
    public ReadOnlySpan<byte> Point => _encoded.AsSpan(1);

    /// <summary>Tag and point, as encoded on the wire.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>SHA-256 of the encoded key: the key's stable identifier.</summary>
    public Hash256 Id { get; }

    /// <summary>True for a passkey (<see cref="SignatureAlgorithm.WebAuthnP256"/>).</summary>
    public bool IsPasskey => Algorithm == SignatureAlgorithm.WebAuthnP256;

    /// <summary>Builds an ECDSA P-256 key (tag 1) from its 64-byte point.</summary>
    public static PublicKey FromP256Point(ReadOnlySpan<byte> point) => FromPoint(SignatureAlgorithm.EcdsaP256Sha256, point);

    /// <summary>Builds a passkey (tag 2) from the 64-byte P-256 point of a WebAuthn ES256 credential.</summary>
    public static PublicKey FromPasskeyPoint(ReadOnlySpan<byte> point) => FromPoint(SignatureAlgorithm.WebAuthnP256, point);

    private static PublicKey FromPoint(SignatureAlgorithm algorithm, ReadOnlySpan<byte> point)
    {
        if (point.Length != P256PointSize)
        {
            throw new ArgumentException($"A P-256 point is {P256PointSize} bytes.", nameof(point));
        }

        var encoded = new byte[EncodedSize];
        encoded[0] = (byte)algorithm;
        point.CopyTo(encoded.AsSpan(1));
        return new PublicKey(encoded);
    }

    /// <summary>Decodes tag and point of a member key (ECDSA or passkey); refuses unknown algorithms.</summary>
    public static PublicKey Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        if (tag is not ((byte)SignatureAlgorithm.EcdsaP256Sha256 or (byte)SignatureAlgorithm.WebAuthnP256))
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown key algorithm {tag}.");
        }

        return FromPoint((SignatureAlgorithm)tag, reader.ReadFixed(P256PointSize));
    }

    /// <summary>
    /// Decodes a validator's key (validators, block proposers, votes, commit signatures): only
    /// ECDSA P-256 (tag 1). A passkey signs through a browser for a person; it never signs consensus messages.
    /// </summary>
    public static PublicKey DecodeConsensusKey(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        if (tag != (byte)SignatureAlgorithm.EcdsaP256Sha256)
        {
            throw new DecodeException(DecodeError.UnknownType, ConsensusOnlyMessage("key", tag));
        }

        return FromP256Point(reader.ReadFixed(P256PointSize));
    }

    /// <summary>Null when <paramref name="key"/> may be a validator's key, otherwise the reason.</summary>
    public static string? ConsensusKeyProblem(PublicKey key) =>
        key.Algorithm == SignatureAlgorithm.EcdsaP256Sha256 ? null : ConsensusOnlyMessage("key", (byte)key.Algorithm);

    internal static string ConsensusOnlyMessage(string what, byte tag) => tag == (byte)SignatureAlgorithm.WebAuthnP256
        ? $"A passkey {what} (algorithm 2) is not accepted here: validators and consensus messages use ECDSA P-256 keys (algorithm 1)."
        : $"Unknown {what} algorithm {tag}.";

    /// <summary>Decodes a key that is the whole of <paramref name="encoded"/>.</summary>
    public static PublicKey Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        var key = Decode(ref reader);
        reader.EnsureEnd();
        return key;
    }

    /// <summary>Parses the hex form produced by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? hex, out PublicKey? key)
    {
        key = null;
        if (hex is null || hex.Length != EncodedSize * 2)
        {
            return false;
        }

        try
        {
            key = Decode(Convert.FromHexString(hex));
            return true;
        }
        catch (Exception e) when (e is FormatException or DecodeException)
        {
            return false;
        }
    }

    /// <summary>Writes tag and point.</summary>
    public void Encode(CanonicalWriter writer) => writer.WriteFixed(_encoded);

    /// <inheritdoc />
    public bool Equals(PublicKey? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(PublicKey? other) => other is null ? 1 : _encoded.AsSpan().SequenceCompareTo(other._encoded);

    /// <summary>Lowercase hex of tag and point.</summary>
    public override string ToString() => Convert.ToHexStringLower(_encoded);
}
