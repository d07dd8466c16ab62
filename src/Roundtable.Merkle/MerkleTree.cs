using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// The RFC 6962 §2.1 Merkle tree (Certificate Transparency): leaf hash = SHA-256(0x00 ‖ leaf),
/// interior node = SHA-256(0x01 ‖ left ‖ right), the empty tree's root = SHA-256(""), and a tree of
/// n &gt; 1 leaves splits at the largest power of two smaller than n. Used for the transactions of a
/// block; proofs verify with the RFC 9162 §2.1.3.2 and §2.1.4.2 algorithms. See docs/merkle.md.
/// </summary>
public static class MerkleTree
{
    /// <summary>Domain-separation prefix of a leaf hash.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Domain-separation prefix of an interior node hash.</summary>
    public const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static Hash256 EmptyRoot { get; } = Hash256.Compute([]);

    /// <summary>The leaf hash SHA-256(0x00 ‖ <paramref name="leaf"/>).</summary>
    public static Hash256 HashLeaf(ReadOnlySpan<byte> leaf) => Hash256.Compute([LeafPrefix], leaf);

    /// <summary>The interior node hash SHA-256(0x01 ‖ <paramref name="left"/> ‖ <paramref name="right"/>).</summary>
    public static Hash256 HashChildren(Hash256 left, Hash256 right) => Sha256.Compute(NodePrefix, left, right);

    /// <summary>The Merkle tree hash of <paramref name="leaves"/> (raw leaf data, hashed here).</summary>
    /// <exception cref="ArgumentException">A leaf is null.</exception>
    public static Hash256 ComputeRoot(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var hashes = new Hash256[leaves.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            var leaf = leaves[i] ?? throw new ArgumentException($"Leaf {i} is null.", nameof(leaves));
            hashes[i] = HashLeaf(leaf);
        }

        return ComputeRootFromLeafHashes(hashes);
    }

    /// <summary>The Merkle tree hash over leaves whose leaf hashes are already known.</summary>
    public static Hash256 ComputeRootFromLeafHashes(IReadOnlyList<Hash256> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? EmptyRoot : SubtreeRoot(leafHashes, 0, leafHashes.Count);
    }

    /// <summary>
    /// The audit path (RFC 6962 §2.1.1 PATH) of leaf <paramref name="index"/> in the tree of all
    /// <paramref name="leafHashes"/>, ordered from the leaf's sibling up to the root's child.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not a leaf of the tree.</exception>
    public static InclusionProof ProveInclusion(IReadOnlyList<Hash256> leafHashes, int index)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafHashes.Count);

        // Walk down from the root; each step records the sibling subtree, so the list is root-first.
        var path = new List<Hash256>(InclusionProof.MaxPathLength);
        var start = 0;
        var size = leafHashes.Count;
        var m = index;
        while (size > 1)
        {
            var k = LargestPowerOfTwoBelow(size);
            if (m < k)
            {
                path.Add(SubtreeRoot(leafHashes, start + k, size - k));
                size = k;
            }
            else
            {
                path.Add(SubtreeRoot(leafHashes, start, k));
                start += k;
                size -= k;
                m -= k;
            }
        }

        path.Reverse();
        return new InclusionProof(index, leafHashes.Count, path);
    }

    /// <summary>
    /// The consistency proof (RFC 6962 §2.1.2 PROOF) that the tree of the first
    /// <paramref name="oldSize"/> leaves is a prefix of the tree of all <paramref name="leafHashes"/>.
    /// Empty when <paramref name="oldSize"/> is 0 or equals the tree size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="oldSize"/> is negative or larger than the tree.</exception>
    public static ConsistencyProof ProveConsistency(IReadOnlyList<Hash256> leafHashes, int oldSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, leafHashes.Count);

        var n = leafHashes.Count;
        var path = new List<Hash256>(ConsistencyProof.MaxPathLength);
        if (oldSize == 0 || oldSize == n)
        {
            return new ConsistencyProof(oldSize, n, path);
        }

        // SUBPROOF(m, D[start:start+size], b), unrolled; elements are collected root-first.
        var m = oldSize;
        var start = 0;
        var size = n;
        var completeSubtree = true;
        while (m != size)
        {
            var k = LargestPowerOfTwoBelow(size);
            if (m <= k)
            {
                path.Add(SubtreeRoot(leafHashes, start + k, size - k));
                size = k;
            }
            else
            {
                path.Add(SubtreeRoot(leafHashes, start, k));
                start += k;
                size -= k;
                m -= k;
                completeSubtree = false;
            }
        }

        if (!completeSubtree)
        {
            path.Add(SubtreeRoot(leafHashes, start, size));
        }

        path.Reverse();
        return new ConsistencyProof(oldSize, n, path);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    internal static long LargestPowerOfTwoBelow(long n) => 1L << (int)(63 - long.LeadingZeroCount(n - 1));

    private static int LargestPowerOfTwoBelow(int n) => 1 << (31 - int.LeadingZeroCount(n - 1));

    // MTH(D[start:start+count]) for count ≥ 1; recursion depth is log2(count), no allocation.
    private static Hash256 SubtreeRoot(IReadOnlyList<Hash256> leafHashes, int start, int count)
    {
        if (count == 1)
        {
            return leafHashes[start];
        }

        var k = LargestPowerOfTwoBelow(count);
        return HashChildren(SubtreeRoot(leafHashes, start, k), SubtreeRoot(leafHashes, start + k, count - k));
    }
}
