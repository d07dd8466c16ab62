using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// SHA-256 through one reusable <see cref="IncrementalHash"/> per thread. The Merkle structures
/// hash millions of short messages (a snapshot load makes about 4.4 per key); the one-shot API
/// sets up a new native digest context on every call, which costs more than the hashing itself.
/// The result is plain SHA-256, identical to <see cref="Hash256.Compute"/>.
/// </summary>
internal static class Sha256
{
    [ThreadStatic]
    private static IncrementalHash? t_hasher;

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static Hash256 Compute(ReadOnlySpan<byte> data) => Compute(data, []);

    /// <summary>SHA-256 of <paramref name="first"/> ‖ <paramref name="second"/>.</summary>
    public static Hash256 Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var hasher = t_hasher ?? CreateHasher();
        Span<byte> digest = stackalloc byte[Hash256.Size];
        try
        {
            hasher.AppendData(first);
            hasher.AppendData(second);
            hasher.GetHashAndReset(digest);
        }
        catch
        {
            // Never leave a half-fed digest behind for the next caller on this thread.
            t_hasher = null;
            hasher.Dispose();
            throw;
        }

        return Hash256.FromBytes(digest);
    }

    /// <summary>SHA-256(<paramref name="prefix"/> ‖ <paramref name="left"/> ‖ <paramref name="right"/>): a 65-byte node or leaf message.</summary>
    public static Hash256 Compute(byte prefix, Hash256 left, Hash256 right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash256.Size)];
        buffer[0] = prefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash256.Size)..]);
        return Compute(buffer, []);
    }

    private static IncrementalHash CreateHasher()
    {
        var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        t_hasher = hasher;
        return hasher;
    }
}
