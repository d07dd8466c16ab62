using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Crypto;

/// <summary>
/// A public key with its algorithm tag. Encoded as the tag byte followed by the
/// uncompressed point X‖Y (65 bytes for P-256). Immutable.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>, IComparable<PublicKey>
{
    /// <summary>Size of the point for <see cref="SignatureAlgorithm.EcdsaP256Sha256"/>.</summary>
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

    /// <summary>Builds a P-256 key from its 64-byte point.</summary>
    public static PublicKey FromP256Point(ReadOnlySpan<byte> point)
    {
        if (point.Length != P256PointSize)
        {
            throw new ArgumentException($"A P-256 point is {P256PointSize} bytes.", nameof(point));
        }

        var encoded = new byte[EncodedSize];
        encoded[0] = (byte)SignatureAlgorithm.EcdsaP256Sha256;
        point.CopyTo(encoded.AsSpan(1));
        return new PublicKey(encoded);
    }

    /// <summary>Decodes tag and point; refuses unknown algorithms.</summary>
    public static PublicKey Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        if (tag != (byte)SignatureAlgorithm.EcdsaP256Sha256)
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown key algorithm {tag}.");
        }

        return FromP256Point(reader.ReadFixed(P256PointSize));
    }

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
