using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// An RFC 6962 audit path: proves that the leaf with a given leaf hash sits at
/// <see cref="LeafIndex"/> in the tree of <see cref="TreeSize"/> leaves with a given root.
/// <see cref="Path"/> runs from the leaf's sibling up to the child of the root.
/// </summary>
public sealed record InclusionProof
{
    /// <summary>Most path elements a proof may carry (enough for any tree of up to 2^63 − 1 leaves).</summary>
    public const int MaxPathLength = 64;

    /// <summary>Largest tree size a proof may name.</summary>
    public const long MaxTreeSize = long.MaxValue;

    /// <summary>Creates a proof; the path is copied.</summary>
    public InclusionProof(long leafIndex, long treeSize, IReadOnlyList<Hash256> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        Path = [.. path];
    }

    /// <summary>Zero-based index of the proven leaf.</summary>
    public long LeafIndex { get; }

    /// <summary>Number of leaves in the tree the proof is for.</summary>
    public long TreeSize { get; }

    /// <summary>Sibling hashes from the bottom of the tree to the top.</summary>
    public IReadOnlyList<Hash256> Path { get; }

    /// <summary>
    /// True when <paramref name="leafHash"/> at <see cref="LeafIndex"/> and this path produce
    /// <paramref name="root"/> (RFC 9162 §2.1.3.2). False for any malformed proof; never throws.
    /// </summary>
    public bool Verify(Hash256 leafHash, Hash256 root)
    {
        if (LeafIndex < 0 || LeafIndex >= TreeSize || Path.Count > MaxPathLength)
        {
            return false;
        }

        var fn = (ulong)LeafIndex;
        var sn = (ulong)(TreeSize - 1);
        var r = leafHash;
        foreach (var p in Path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTree.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleTree.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    /// <summary>Writes LeafIndex, TreeSize (LEB128), the path count (LEB128) and the 32-byte path hashes.</summary>
    public void Encode(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteVarUInt((ulong)LeafIndex);
        writer.WriteVarUInt((ulong)TreeSize);
        writer.WriteVarUInt((ulong)Path.Count);
        foreach (var hash in Path)
        {
            writer.WriteHash(hash);
        }
    }

    /// <summary>
    /// Reads a proof written by <see cref="Encode"/>. Refuses sizes above <see cref="MaxTreeSize"/>,
    /// an index outside the tree, more than <see cref="MaxPathLength"/> path elements, and a path
    /// whose length is not the one the index and size determine.
    /// </summary>
    /// <exception cref="DecodeException">The bytes are not a canonical inclusion proof.</exception>
    public static InclusionProof Decode(ref CanonicalReader reader)
    {
        var leafIndex = (long)reader.ReadVarUInt((ulong)MaxTreeSize - 1, "inclusion proof leaf index");
        var treeSize = (long)reader.ReadVarUInt((ulong)MaxTreeSize, "inclusion proof tree size");
        if (leafIndex >= treeSize)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Inclusion proof leaf index {leafIndex} is outside a tree of {treeSize} leaves.");
        }

        var count = reader.ReadLength(MaxPathLength, "inclusion proof path length");
        var expected = ExpectedPathLength(leafIndex, treeSize);
        if (count != expected)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"An inclusion proof for leaf {leafIndex} of {treeSize} has {expected} path element(s), got {count}.");
        }

        var path = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            path[i] = reader.ReadHash();
        }

        return new InclusionProof(leafIndex, treeSize, path);
    }

    /// <inheritdoc />
    public bool Equals(InclusionProof? other) =>
        other is not null && LeafIndex == other.LeafIndex && TreeSize == other.TreeSize && Path.SequenceEqual(other.Path);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(LeafIndex);
        hash.Add(TreeSize);
        foreach (var p in Path)
        {
            hash.Add(p);
        }

        return hash.ToHashCode();
    }

    /// <summary>The number of path elements RFC 9162 verification consumes for this index and size.</summary>
    internal static int ExpectedPathLength(long leafIndex, long treeSize)
    {
        var fn = (ulong)leafIndex;
        var sn = (ulong)(treeSize - 1);
        var count = 0;
        while (sn != 0)
        {
            if ((fn & 1) == 0 && fn == sn)
            {
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }

            count++;
            fn >>= 1;
            sn >>= 1;
        }

        return count;
    }
}
