using Roundtable.Core.Encoding;

namespace Roundtable.Core.Crypto;

/// <summary>
/// A signature with its algorithm tag: the tag byte followed by r‖s (65 bytes for P-256).
/// Decoding refuses high-S signatures, so each signed message has exactly one valid encoding.
/// </summary>
public sealed class Signature : IEquatable<Signature>
{
    /// <summary>Size of r‖s for P-256.</summary>
    public const int P256Size = 64;

    /// <summary>Encoded size: tag byte plus r‖s.</summary>
    public const int EncodedSize = 1 + P256Size;

    private readonly byte[] _encoded;

    private Signature(byte[] encoded)
    {
        _encoded = encoded;
    }

    /// <summary>The algorithm of this signature.</summary>
    public SignatureAlgorithm Algorithm => (SignatureAlgorithm)_encoded[0];

    /// <summary>r‖s without the tag.</summary>
    public ReadOnlySpan<byte> RS => _encoded.AsSpan(1);

    /// <summary>Tag and r‖s as encoded on the wire.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>Wraps a P-256 r‖s; refuses high S.</summary>
    /// <exception cref="ArgumentException">Wrong length or S above n/2.</exception>
    public static Signature FromP256(ReadOnlySpan<byte> rs)
    {
        if (rs.Length != P256Size)
        {
            throw new ArgumentException($"A P-256 signature is {P256Size} bytes.", nameof(rs));
        }

        if (!P256.IsLowS(rs[32..]))
        {
            throw new ArgumentException("Signature S is above n/2; only low-S signatures are canonical.", nameof(rs));
        }

        var encoded = new byte[EncodedSize];
        encoded[0] = (byte)SignatureAlgorithm.EcdsaP256Sha256;
        rs.CopyTo(encoded.AsSpan(1));
        return new Signature(encoded);
    }

    /// <summary>Decodes tag and r‖s; refuses unknown algorithms and high S.</summary>
    public static Signature Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        if (tag != (byte)SignatureAlgorithm.EcdsaP256Sha256)
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown signature algorithm {tag}.");
        }

        var rs = reader.ReadFixed(P256Size);
        if (!P256.IsLowS(rs[32..]))
        {
            throw new DecodeException(DecodeError.NonCanonical, "Signature S is above n/2; only low-S signatures are canonical.");
        }

        return FromP256(rs);
    }

    /// <summary>Writes tag and r‖s.</summary>
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

    /// <summary>Lowercase hex of tag and r‖s.</summary>
    public override string ToString() => Convert.ToHexStringLower(_encoded);
}
