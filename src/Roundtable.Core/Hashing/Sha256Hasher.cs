using System.Security.Cryptography;

namespace Roundtable.Core.Hashing;

/// <summary>
/// Hashes several spans as one message without concatenating them first
/// (domain-separated Merkle nodes, signing payloads).
/// </summary>
public static class Sha256Hasher
{
    /// <summary>SHA-256 of <paramref name="prefix"/> followed by <paramref name="data"/>.</summary>
    public static Hash256 Hash(byte prefix, ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> p = [prefix];
        hash.AppendData(p);
        hash.AppendData(data);
        return Finish(hash);
    }

    /// <summary>SHA-256 of <paramref name="prefix"/> ‖ <paramref name="left"/> ‖ <paramref name="right"/>.</summary>
    public static Hash256 Hash(byte prefix, Hash256 left, Hash256 right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash256.Size)];
        buffer[0] = prefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash256.Size)..]);
        return Hash256.Compute(buffer);
    }

    private static Hash256 Finish(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        hash.GetHashAndReset(digest);
        return Hash256.FromBytes(digest);
    }
}
