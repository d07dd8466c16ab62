using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>A node of the persistent sparse Merkle trie. An empty subtree is <c>null</c>.</summary>
internal abstract class TrieNode
{
}

/// <summary>Something placed in the trie by its 256-bit path.</summary>
internal interface IHasPath
{
    /// <summary>The path: SHA-256 of the key.</summary>
    Hash256 Path { get; }
}

/// <summary>The only leaf of its subtree: a key path and the hash of its value. Immutable.</summary>
internal sealed class TrieLeaf : TrieNode, IHasPath
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

/// <summary>One change to the trie: the leaf to put at <see cref="Path"/>, or null to remove the leaf there.</summary>
internal readonly record struct TrieUpdate(Hash256 Path, TrieLeaf? Leaf) : IHasPath;

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

    /// <summary>
    /// The trie with every update applied in one pass: a leaf added or replacing the one at its
    /// path, or (a null leaf) the path's leaf removed. <paramref name="updates"/> are sorted by path
    /// and name each path once. Each node on the updated paths is visited once however many
    /// updates pass below it, so a block's writes cost one walk of the levels they share instead
    /// of one from the root each. Subtrees no update reaches are returned as they are. An update
    /// that changes nothing (a removal of an empty path, as when a map sets and then removes a new
    /// key before its trie is read) leaves the same leaves, but still copies the path it walks.
    /// </summary>
    public static TrieNode? Merge(TrieNode? root, ReadOnlySpan<TrieUpdate> updates, object? owner = null) => Merge(root, updates, 0, owner);

    private static TrieNode? Merge(TrieNode? node, ReadOnlySpan<TrieUpdate> updates, int depth, object? owner)
    {
        if (updates.IsEmpty)
        {
            return node;
        }

        switch (node)
        {
            case null when updates.Length == 1:
                return updates[0].Leaf;
            case null:
                return Build(updates, null, depth);
            case TrieLeaf leaf when updates.Length == 1:
                var update = updates[0];
                return update.Path == leaf.Path ? update.Leaf : update.Leaf is { } added ? Split(leaf, added, depth, owner) : leaf;
            case TrieLeaf leaf:
                return Build(updates, leaf, depth);
            default:
                var branch = (TrieBranch)node;
                var right = FirstWithBitSet(updates, depth);
                var newLeft = Merge(branch.Left, updates[..right], depth + 1, owner);
                var newRight = Merge(branch.Right, updates[right..], depth + 1, owner);

                // A child may have been changed in place (same object, new hash), so the branch is
                // always remade: an update below it changes its hash. A subtree left with one leaf,
                // or none, is that leaf, or empty: pull it up.
                return (newLeft, newRight) switch
                {
                    (null, null) => null,
                    (null, TrieLeaf only) => only,
                    (TrieLeaf only, null) => only,
                    _ => Make(branch, newLeft, newRight, owner),
                };
        }
    }

    // Two leaves that share the first `depth` bits (the common case of one write reaching a leaf):
    // a branch where they diverge, wrapped in single-child branches back up to `depth`.
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

    // The subtree at `depth` holding the updates' leaves and, unless an update names its path,
    // `existing`: all share their first `depth` bits.
    private static TrieNode? Build(ReadOnlySpan<TrieUpdate> updates, TrieLeaf? existing, int depth)
    {
        var leaves = new List<TrieLeaf>(updates.Length + 1);
        var keep = existing;
        foreach (var update in updates)
        {
            if (keep is not null && keep.Path.CompareTo(update.Path) <= 0)
            {
                if (keep.Path != update.Path)
                {
                    leaves.Add(keep);
                }

                keep = null;
            }

            if (update.Leaf is { } added)
            {
                leaves.Add(added);
            }
        }

        if (keep is not null)
        {
            leaves.Add(keep);
        }

        return leaves.Count switch
        {
            0 => null,
            1 => leaves[0],
            _ => BuildRange([.. leaves], 0, leaves.Count, depth),
        };
    }

    // The first item whose path has bit `depth` set: sorted paths that share the bits above it
    // run 0…0 1…1 in that bit.
    private static int FirstWithBitSet<T>(ReadOnlySpan<T> sorted, int depth)
        where T : IHasPath
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (sorted[mid].Path.GetBit(depth))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

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

        var lo = start + FirstWithBitSet<TrieLeaf>(leaves.AsSpan(start, end - start), depth);
        var left = lo > start ? BuildRange(leaves, start, lo, depth + 1) : null;
        var right = lo < end ? BuildRange(leaves, lo, end, depth + 1) : null;
        return new TrieBranch(left, right, HashBranch(HashOf(left), HashOf(right)));
    }
}
