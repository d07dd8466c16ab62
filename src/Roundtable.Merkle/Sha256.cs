using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// The 65-byte node and leaf messages of the Merkle structures, hashed by <see cref="Hash256.Compute(ReadOnlySpan{byte})"/>
/// (libcrypto's low-level SHA-256 where present: a snapshot load hashes about 4.4 short messages
/// per key, and the per-call overhead of the general-purpose APIs exceeded the hashing itself).
/// </summary>
internal static class Sha256
{
    /// <summary>SHA-256(<paramref name="prefix"/> ‖ <paramref name="left"/> ‖ <paramref name="right"/>): a 65-byte node or leaf message.</summary>
    public static Hash256 Compute(byte prefix, Hash256 left, Hash256 right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash256.Size)];
        buffer[0] = prefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash256.Size)..]);
        return Hash256.Compute(buffer);
    }
}
