using Roundtable.Core.Hashing;

namespace Roundtable.Merkle.Tests.Support;

/// <summary>One write at a time through <see cref="SparseMerkleTrie.Merge"/>, the only way the trie changes.</summary>
internal static class TrieEdits
{
    public static TrieNode Insert(TrieNode? root, TrieLeaf leaf) => SparseMerkleTrie.Merge(root, [new TrieUpdate(leaf.Path, leaf)])!;

    public static TrieNode? Remove(TrieNode? root, Hash256 path) => SparseMerkleTrie.Merge(root, [new TrieUpdate(path, null)]);
}
