using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>A node of the persistent sparse Merkle trie. An empty subtree is <c>null</c>.</summary>
internal abstract class TrieNode
{
}

/// <summary>The only leaf of its subtree: a key path and the hash of its value. Immutable.</summary>
internal sealed class TrieLeaf : TrieNode
{
    public TrieLeaf(Hash256 path, Hash256 valueHash)
    {
        Path = path;
        ValueHash = valueHash;
        Hash = SparseMerkleTrie.HashLeaf(path, valueHash);
    }

    public Hash256 Path { get; }

    public Hash256 ValueHash { get; }

    public Hash256 Hash { get; }
}

/// <summary>
/// A subtree holding at least two leaves. The hash is computed on first demand and cached. Frozen
/// nodes are shared between clones, so the cache is written with a release store; concurrent
/// writers can only ever store the same value. A node whose <see cref="Owner"/> is the editing
/// map's token is seen by that map alone, which may change its children in place (dropping the cache).
/// </summary>
internal sealed class TrieBranch : TrieNode
{
    private Hash256 _hash;
    private bool _hashed;

    public TrieBranch(TrieNode? left, TrieNode? right, object? owner = null)
    {
        Left = left;
        Right = right;
        Owner = owner;
    }

    public TrieBranch(TrieNode? left, TrieNode? right, Hash256 hash)
    {
        Left = left;
        Right = right;
        _hash = hash;
        _hashed = true;
    }

    public TrieNode? Left { get; private set; }

    public TrieNode? Right { get; private set; }

    /// <summary>The edit token of the map version that made this node; null for a node built frozen.</summary>
    public object? Owner { get; }

    public bool TryGetCachedHash(out Hash256 hash)
    {
        if (Volatile.Read(ref _hashed))
        {
            hash = _hash;
            return true;
        }

        hash = default;
        return false;
    }

    public void SetCachedHash(Hash256 hash)
    {
        _hash = hash;
        Volatile.Write(ref _hashed, true);
    }

    /// <summary>Replaces the children of a node no other version can see.</summary>
    public void Reset(TrieNode? left, TrieNode? right)
    {
        Left = left;
        Right = right;
        _hashed = false;
    }
}

/// <summary>
/// Operations on the persistent (path-copying) binary sparse Merkle trie behind
/// <see cref="SparseMerkleMap"/>, addressed by raw 256-bit paths. Every update returns a new root
/// and leaves the old one intact; untouched subtrees are shared and keep their cached hashes, so
/// only the changed paths are rehashed. An update passes the editing map's token and changes the
/// branches that carry it in place (see <see cref="SortedIndex"/>); a null token copies every branch.
/// </summary>
internal static class SparseMerkleTrie
{
    public const int Depth = 256;

    /// <summary>SHA-256(0x00 ‖ path ‖ valueHash).</summary>
    public static Hash256 HashLeaf(Hash256 path, Hash256 valueHash) => Sha256.Compute(SparseMerkleMap.LeafPrefix, path, valueHash);

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static Hash256 HashBranch(Hash256 left, Hash256 right) => Sha256.Compute(SparseMerkleMap.NodePrefix, left, right);

    /// <summary>The hash of a subtree, computing and caching it for every dirty branch below.</summary>
    public static Hash256 HashOf(TrieNode? node)
    {
        switch (node)
        {
            case null:
                return Hash256.Zero;
            case TrieLeaf leaf:
                return leaf.Hash;
            default:
                var branch = (TrieBranch)node;
                if (branch.TryGetCachedHash(out var cached))
                {
                    return cached;
                }

                var hash = HashBranch(HashOf(branch.Left), HashOf(branch.Right));
                branch.SetCachedHash(hash);
                return hash;
        }
    }

    /// <summary>The leaf stored at <paramref name="path"/>, if any.</summary>
    public static TrieLeaf? Find(TrieNode? root, Hash256 path)
    {
        var node = root;
        var depth = 0;
        while (node is TrieBranch branch)
        {
            node = path.GetBit(depth++) ? branch.Right : branch.Left;
        }

        return node is TrieLeaf leaf && leaf.Path == path ? leaf : null;
    }

    /// <summary>The trie with <paramref name="leaf"/> added, replacing any leaf with the same path.</summary>
    public static TrieNode Insert(TrieNode? root, TrieLeaf leaf, object? owner = null) => Insert(root, leaf, 0, owner);

    /// <summary>The trie without the leaf at <paramref name="path"/>; the same root when there is none.</summary>
    public static TrieNode? Remove(TrieNode? root, Hash256 path, out bool removed, object? owner = null) => Remove(root, path, 0, out removed, owner);

    /// <summary>
    /// The siblings along <paramref name="path"/> from the root down, and the leaf where the walk
    /// ended (null when it ended in an empty subtree).
    /// </summary>
    public static StateProof Prove(TrieNode? root, Hash256 path)
    {
        var siblings = new List<Hash256>();
        var node = root;
        var depth = 0;
        while (node is TrieBranch branch)
        {
            if (path.GetBit(depth++))
            {
                siblings.Add(HashOf(branch.Left));
                node = branch.Right;
            }
            else
            {
                siblings.Add(HashOf(branch.Right));
                node = branch.Left;
            }
        }

        var leaf = node is TrieLeaf l ? new StateProofLeaf(l.Path, l.ValueHash) : null;
        return new StateProof(leaf, siblings);
    }

    /// <summary>Number of leaves below <paramref name="node"/>, checking the compaction invariants (tests).</summary>
    public static int CountAndCheck(TrieNode? node, int depth = 0, Hash256 prefix = default)
    {
        switch (node)
        {
            case null:
                return 0;
            case TrieLeaf leaf:
                for (var i = 0; i < depth; i++)
                {
                    if (leaf.Path.GetBit(i) != prefix.GetBit(i))
                    {
                        throw new InvalidOperationException($"Leaf {leaf.Path} is misplaced at depth {depth}.");
                    }
                }

                return 1;
            default:
                var branch = (TrieBranch)node;
                if (depth >= Depth)
                {
                    throw new InvalidOperationException("Branch below the last level.");
                }

                var left = CountAndCheck(branch.Left, depth + 1, prefix);
                var right = CountAndCheck(branch.Right, depth + 1, WithBit(prefix, depth));
                if (left + right < 2)
                {
                    throw new InvalidOperationException($"Branch at depth {depth} holds {left + right} leaf/leaves; it should have been compacted.");
                }

                return left + right;
        }
    }

    private static Hash256 WithBit(Hash256 prefix, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        prefix.CopyTo(bytes);
        bytes[index >> 3] |= (byte)(0x80 >> (index & 7));
        return Hash256.FromBytes(bytes);
    }

    private static TrieNode Insert(TrieNode? node, TrieLeaf leaf, int depth, object? owner)
    {
        switch (node)
        {
            case null:
                return leaf;
            case TrieLeaf existing:
                return existing.Path == leaf.Path ? leaf : Split(existing, leaf, depth, owner);
            default:
                var branch = (TrieBranch)node;
                return leaf.Path.GetBit(depth)
                    ? Make(branch, branch.Left, Insert(branch.Right, leaf, depth + 1, owner), owner)
                    : Make(branch, Insert(branch.Left, leaf, depth + 1, owner), branch.Right, owner);
        }
    }

    // `reuse` itself when this map may still edit it, otherwise a new branch.
    private static TrieBranch Make(TrieBranch reuse, TrieNode? left, TrieNode? right, object? owner)
    {
        if (owner is not null && ReferenceEquals(reuse.Owner, owner))
        {
            reuse.Reset(left, right);
            return reuse;
        }

        return new TrieBranch(left, right, owner);
    }

    // Two leaves that share the first `depth` bits: branch where they diverge, then wrap the branch
    // in single-child branches back up to `depth` (both leaves lie below each of them).
    private static TrieBranch Split(TrieLeaf a, TrieLeaf b, int depth, object? owner)
    {
        var diverge = depth;
        while (a.Path.GetBit(diverge) == b.Path.GetBit(diverge))
        {
            diverge++;
        }

        var node = b.Path.GetBit(diverge) ? new TrieBranch(a, b, owner) : new TrieBranch(b, a, owner);
        for (var d = diverge - 1; d >= depth; d--)
        {
            node = b.Path.GetBit(d) ? new TrieBranch(null, node, owner) : new TrieBranch(node, null, owner);
        }

        return node;
    }

    private static TrieNode? Remove(TrieNode? node, Hash256 path, int depth, out bool removed, object? owner)
    {
        switch (node)
        {
            case null:
                removed = false;
                return null;
            case TrieLeaf leaf:
                removed = leaf.Path == path;
                return removed ? null : leaf;
            default:
                var branch = (TrieBranch)node;
                var goRight = path.GetBit(depth);
                var child = goRight ? branch.Right : branch.Left;
                var other = goRight ? branch.Left : branch.Right;
                var newChild = Remove(child, path, depth + 1, out removed, owner);
                if (!removed)
                {
                    return branch;
                }

                // A subtree left with one leaf is that leaf: pull it up.
                if ((newChild is null && other is TrieLeaf) || (newChild is TrieLeaf && other is null))
                {
                    return newChild ?? other;
                }

                return goRight ? Make(branch, other, newChild, owner) : Make(branch, newChild, other, owner);
        }
    }

    /// <summary>
    /// The subtree at <paramref name="depth"/> of the leaves in [<paramref name="start"/>,
    /// <paramref name="end"/>), which must be sorted, distinct, non-empty and share their first
    /// <paramref name="depth"/> bits; every branch is hashed as it is made, while its children
    /// are still in the cache.
    /// </summary>
    public static TrieNode BuildRange(TrieLeaf[] leaves, int start, int end, int depth)
    {
        if (end - start == 1)
        {
            return leaves[start];
        }

        // All paths in [start, end) share their first `depth` bits, so bit `depth` is 0…0 1…1.
        var lo = start;
        var hi = end;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (leaves[mid].Path.GetBit(depth))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var left = lo > start ? BuildRange(leaves, start, lo, depth + 1) : null;
        var right = lo < end ? BuildRange(leaves, lo, end, depth + 1) : null;
        return new TrieBranch(left, right, HashBranch(HashOf(left), HashOf(right)));
    }
}
