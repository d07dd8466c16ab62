using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// An RFC 6962 consistency proof: proves that the tree of <see cref="OldSize"/> leaves is a prefix
/// of the tree of <see cref="NewSize"/> leaves, given both roots. <see cref="Path"/> is in RFC 6962
/// §2.1.2 order (deepest node first). The proof between equal sizes, and from size 0, is empty.
/// </summary>
public sealed record ConsistencyProof
{
    /// <summary>Most path elements a proof may carry (enough for any tree of up to 2^63 − 1 leaves).</summary>
    public const int MaxPathLength = 64;

    /// <summary>Largest tree size a proof may name.</summary>
    public const long MaxTreeSize = long.MaxValue;

    /// <summary>Creates a proof; the path is copied.</summary>
    public ConsistencyProof(long oldSize, long newSize, IReadOnlyList<Hash256> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        OldSize = oldSize;
        NewSize = newSize;
        Path = [.. path];
    }

    /// <summary>Number of leaves in the older tree.</summary>
    public long OldSize { get; }

    /// <summary>Number of leaves in the newer tree.</summary>
    public long NewSize { get; }

    /// <summary>The proof's node hashes.</summary>
    public IReadOnlyList<Hash256> Path { get; }

    /// <summary>
    /// True when this proof shows that <paramref name="oldRoot"/> (of <see cref="OldSize"/> leaves)
    /// and <paramref name="newRoot"/> (of <see cref="NewSize"/> leaves) are the same log at two sizes
    /// (RFC 9162 §2.1.4.2). From size 0 the path must be empty and <paramref name="oldRoot"/> must be
    /// the empty-tree root. False for any malformed proof; never throws.
    /// </summary>
    public bool Verify(Hash256 oldRoot, Hash256 newRoot)
    {
        if (OldSize < 0 || OldSize > NewSize || Path.Count > MaxPathLength)
        {
            return false;
        }

        if (OldSize == 0)
        {
            return Path.Count == 0 && oldRoot == MerkleTree.EmptyRoot && (NewSize != 0 || newRoot == oldRoot);
        }

        if (OldSize == NewSize)
        {
            return Path.Count == 0 && oldRoot == newRoot;
        }

        if (Path.Count == 0)
        {
            return false;
        }

        // Step 2: when the old tree is a complete subtree its root is the implicit first element.
        var oldIsPowerOfTwo = (OldSize & (OldSize - 1)) == 0;
        var offset = oldIsPowerOfTwo ? 0 : 1;
        var seed = oldIsPowerOfTwo ? oldRoot : Path[0];

        var fn = (ulong)(OldSize - 1);
        var sn = (ulong)(NewSize - 1);
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = seed;
        var sr = seed;
        for (var i = offset; i < Path.Count; i++)
        {
            var c = Path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleTree.HashChildren(c, fr);
                sr = MerkleTree.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleTree.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr == oldRoot && sr == newRoot;
    }

    /// <summary>Writes OldSize, NewSize (LEB128), the path count (LEB128) and the 32-byte path hashes.</summary>
    public void Encode(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteVarUInt((ulong)OldSize);
        writer.WriteVarUInt((ulong)NewSize);
        writer.WriteVarUInt((ulong)Path.Count);
        foreach (var hash in Path)
        {
            writer.WriteHash(hash);
        }
    }

    /// <summary>
    /// Reads a proof written by <see cref="Encode"/>. Refuses sizes above <see cref="MaxTreeSize"/>,
    /// an old size above the new one, more than <see cref="MaxPathLength"/> path elements, and a
    /// path whose length is not the one the two sizes determine.
    /// </summary>
    /// <exception cref="DecodeException">The bytes are not a canonical consistency proof.</exception>
    public static ConsistencyProof Decode(ref CanonicalReader reader)
    {
        var oldSize = (long)reader.ReadVarUInt((ulong)MaxTreeSize, "consistency proof old size");
        var newSize = (long)reader.ReadVarUInt((ulong)MaxTreeSize, "consistency proof new size");
        if (oldSize > newSize)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Consistency proof old size {oldSize} exceeds new size {newSize}.");
        }

        var count = reader.ReadLength(MaxPathLength, "consistency proof path length");
        var expected = ExpectedPathLength(oldSize, newSize);
        if (count != expected)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"A consistency proof from {oldSize} to {newSize} has {expected} path element(s), got {count}.");
        }

        var path = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            path[i] = reader.ReadHash();
        }

        return new ConsistencyProof(oldSize, newSize, path);
    }

    /// <inheritdoc />
    public bool Equals(ConsistencyProof? other) =>
        other is not null && OldSize == other.OldSize && NewSize == other.NewSize && Path.SequenceEqual(other.Path);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(OldSize);
        hash.Add(NewSize);
        foreach (var p in Path)
        {
            hash.Add(p);
        }

        return hash.ToHashCode();
    }

    /// <summary>The number of elements of the RFC 6962 proof between the two sizes (0 ≤ old ≤ new).</summary>
    internal static int ExpectedPathLength(long oldSize, long newSize)
    {
        if (oldSize == 0 || oldSize == newSize)
        {
            return 0;
        }

        var m = oldSize;
        var size = newSize;
        var count = 0;
        var completeSubtree = true;
        while (m != size)
        {
            var k = MerkleTree.LargestPowerOfTwoBelow(size);
            if (m <= k)
            {
                size = k;
            }
            else
            {
                m -= k;
                size -= k;
                completeSubtree = false;
            }

            count++;
        }

        return completeSubtree ? count : count + 1;
    }
}
