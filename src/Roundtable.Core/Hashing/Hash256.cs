using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Roundtable.Core.Hashing;

/// <summary>
/// An immutable SHA-256 digest. Held as four big-endian words so that equality, ordering
/// and hashing never allocate, and ordering equals the lexicographic order of the bytes.
/// </summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private Hash256(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The all-zero digest, used where "no hash" must still have a fixed encoding.</summary>
    public static Hash256 Zero => default;

    /// <summary>True when every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>Wraps exactly 32 bytes as a digest.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public static Hash256 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A SHA-256 digest is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new Hash256(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    /// <summary>SHA-256 of the given bytes.</summary>
    public static Hash256 Compute(ReadOnlySpan<byte> data) => Compute(data, []);

    /// <summary>SHA-256 of <paramref name="first"/> followed by <paramref name="second"/>, without joining them first.</summary>
    public static Hash256 Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Span<byte> digest = stackalloc byte[Size];
        if (OpenSslSha256.IsAvailable)
        {
            OpenSslSha256.Hash(first, second, digest);
        }
        else
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(first);
            hash.AppendData(second);
            hash.GetHashAndReset(digest);
        }

        return FromBytes(digest);
    }

    /// <summary>Parses 64 hexadecimal characters (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hex characters.</exception>
    public static Hash256 Parse(string hex)
    {
        if (!TryParse(hex, out var hash))
        {
            throw new FormatException("A hash is 64 hexadecimal characters.");
        }

        return hash;
    }

    /// <summary>Parses 64 hexadecimal characters; false when the text is anything else.</summary>
    public static bool TryParse(string? hex, out Hash256 hash)
    {
        hash = default;
        if (hex is null || hex.Length != Size * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            return false;
        }

        hash = FromBytes(bytes);
        return true;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Bit <paramref name="index"/> counted from the most significant bit of byte 0.</summary>
    public bool GetBit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size * 8);
        var word = (index >> 6) switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };
        return ((word >> (63 - (index & 63))) & 1) != 0;
    }

    /// <inheritdoc />
    public bool Equals(Hash256 other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <inheritdoc />
    public int CompareTo(Hash256 other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
        {
            return c;
        }

        c = _w1.CompareTo(other._w1);
        if (c != 0)
        {
            return c;
        }

        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    /// <summary>Lowercase hexadecimal, 64 characters.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first <paramref name="bytes"/> bytes in hex, for logs and tables.</summary>
    public string ToShortString(int bytes = 6) => ToString()[..(bytes * 2)];

    /// <summary>Equality.</summary>
    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);

    /// <summary>Ordering by bytes.</summary>
    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;
}
