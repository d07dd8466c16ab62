using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>The leaf a <see cref="StateProof"/> walk ended in: its key path and the hash of its value.</summary>
public sealed record StateProofLeaf
{
    /// <summary>Creates the leaf description.</summary>
    public StateProofLeaf(Hash256 keyPath, Hash256 valueHash)
    {
        KeyPath = keyPath;
        ValueHash = valueHash;
    }

    /// <summary>SHA-256 of the leaf's key.</summary>
    public Hash256 KeyPath { get; }

    /// <summary>SHA-256 of the leaf's value.</summary>
    public Hash256 ValueHash { get; }
}

/// <summary>
/// A membership or non-membership proof against a <see cref="SparseMerkleMap"/> root. The walk
/// from the root along SHA-256(key) ends either in a leaf (<see cref="Leaf"/> set: the key itself
/// for membership, or the one other key in that subtree for non-membership) or in an empty subtree
/// (<see cref="Leaf"/> null: non-membership). <see cref="Siblings"/> holds the hash of the other
/// child at each step, root first: element i is the sibling of the node at depth i + 1.
/// </summary>
public sealed record StateProof
{
    /// <summary>Most siblings a proof may carry: one per level of the 256-level trie.</summary>
    public const int MaxSiblings = 256;

    /// <summary>Creates a proof; the siblings are copied.</summary>
    public StateProof(StateProofLeaf? leaf, IReadOnlyList<Hash256> siblings)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        Leaf = leaf;
        Siblings = [.. siblings];
    }

    /// <summary>The leaf the walk ended in, or null when it ended in an empty subtree.</summary>
    public StateProofLeaf? Leaf { get; }

    /// <summary>Sibling hashes from the top of the trie down; <see cref="Hash256.Zero"/> for an empty sibling.</summary>
    public IReadOnlyList<Hash256> Siblings { get; }

    /// <summary>True when the proof shows that <paramref name="key"/> maps to <paramref name="value"/> under <paramref name="root"/>.</summary>
    public bool VerifyMembership(Hash256 root, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        VerifyMembershipAtPath(root, SparseMerkleMap.KeyPath(key), Hash256.Compute(value));

    /// <summary>True when the proof shows that <paramref name="key"/> has no value under <paramref name="root"/>.</summary>
    public bool VerifyNonMembership(Hash256 root, ReadOnlySpan<byte> key) =>
        VerifyNonMembershipAtPath(root, SparseMerkleMap.KeyPath(key));

    /// <summary>
    /// Writes a marker byte (0x00: no leaf; 0x01: leaf, followed by its 32-byte key path and
    /// 32-byte value hash), then the sibling count (LEB128) and the 32-byte siblings, root first.
    /// </summary>
    public void Encode(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Leaf is null)
        {
            writer.WriteByte(0);
        }
        else
        {
            writer.WriteByte(1);
            writer.WriteHash(Leaf.KeyPath);
            writer.WriteHash(Leaf.ValueHash);
        }

        writer.WriteVarUInt((ulong)Siblings.Count);
        foreach (var sibling in Siblings)
        {
            writer.WriteHash(sibling);
        }
    }

    /// <summary>Reads a proof written by <see cref="Encode"/>; at most <see cref="MaxSiblings"/> siblings.</summary>
    /// <exception cref="DecodeException">The bytes are not a canonical state proof.</exception>
    public static StateProof Decode(ref CanonicalReader reader)
    {
        StateProofLeaf? leaf = null;
        if (reader.ReadOptionalMarker())
        {
            var keyPath = reader.ReadHash();
            var valueHash = reader.ReadHash();
            leaf = new StateProofLeaf(keyPath, valueHash);
        }

        var count = reader.ReadLength(MaxSiblings, "state proof sibling count");
        var siblings = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            siblings[i] = reader.ReadHash();
        }

        return new StateProof(leaf, siblings);
    }

    /// <inheritdoc />
    public bool Equals(StateProof? other) =>
        other is not null && Equals(Leaf, other.Leaf) && Siblings.SequenceEqual(other.Siblings);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Leaf);
        foreach (var s in Siblings)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }

    /// <summary>Membership check by raw key path and value hash.</summary>
    internal bool VerifyMembershipAtPath(Hash256 root, Hash256 path, Hash256 valueHash)
    {
        if (Leaf is null || Leaf.KeyPath != path || Leaf.ValueHash != valueHash || Siblings.Count > MaxSiblings)
        {
            return false;
        }

        return RootFrom(path, SparseMerkleTrie.HashLeaf(path, valueHash)) == root;
    }

    /// <summary>Non-membership check by raw key path.</summary>
    internal bool VerifyNonMembershipAtPath(Hash256 root, Hash256 path)
    {
        if (Siblings.Count > MaxSiblings)
        {
            return false;
        }

        if (Leaf is null)
        {
            return RootFrom(path, Hash256.Zero) == root;
        }

        // The other leaf must be the one leaf of the subtree the walk reached, so it shares the
        // walk's prefix; and it must not be the key itself.
        if (Leaf.KeyPath == path)
        {
            return false;
        }

        for (var i = 0; i < Siblings.Count; i++)
        {
            if (Leaf.KeyPath.GetBit(i) != path.GetBit(i))
            {
                return false;
            }
        }

        return RootFrom(path, SparseMerkleTrie.HashLeaf(Leaf.KeyPath, Leaf.ValueHash)) == root;
    }

    private Hash256 RootFrom(Hash256 path, Hash256 bottom)
    {
        var node = bottom;
        for (var depth = Siblings.Count - 1; depth >= 0; depth--)
        {
            node = path.GetBit(depth)
                ? SparseMerkleTrie.HashBranch(Siblings[depth], node)
                : SparseMerkleTrie.HashBranch(node, Siblings[depth]);
        }

        return node;
    }
}
