using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// Builds the trie of a whole state at once (a snapshot load) in pieces that share nothing: the
/// leaves, in any order, are dealt by the first <c>depth</c> bits of their paths into buckets, one
/// per subtree at that depth; each piece sorts one bucket and builds and hashes its subtree;
/// <see cref="Assemble"/> then joins the subtrees under the few levels above them. The pieces may
/// run in any order, on any threads: the trie is the same, node for node.
/// </summary>
internal sealed class TrieBuilder
{
    private readonly int _depth;
    private readonly Hash256[] _paths;
    private readonly TrieLeaf[] _leaves;
    private readonly int[] _starts;
    private readonly TrieNode?[] _subtrees;

    /// <summary>Deals <paramref name="leaves"/> into the 2^<paramref name="depth"/> buckets (one linear pass).</summary>
    public TrieBuilder(IReadOnlyList<TrieLeaf> leaves, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 16);
        _depth = depth;
        var buckets = 1 << depth;
        _starts = new int[buckets + 1];
        _subtrees = new TrieNode?[buckets];
        foreach (var leaf in leaves)
        {
            _starts[Bucket(leaf.Path) + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            _starts[b + 1] += _starts[b];
        }

        _paths = new Hash256[leaves.Count];
        _leaves = new TrieLeaf[leaves.Count];
        var next = _starts[..buckets];
        foreach (var leaf in leaves)
        {
            var at = next[Bucket(leaf.Path)]++;
            _paths[at] = leaf.Path;
            _leaves[at] = leaf;
        }
    }

    /// <summary>One piece per non-empty bucket: sort it, check its paths are distinct, build its subtree.</summary>
    /// <exception cref="ArgumentException">(When a piece runs.) Two leaves have the same path.</exception>
    public IEnumerable<Action> Pieces()
    {
        for (var b = 0; b < _subtrees.Length; b++)
        {
            var bucket = b;
            if (_starts[bucket + 1] > _starts[bucket])
            {
                yield return () => BuildBucket(bucket);
            }
        }
    }

    /// <summary>The trie's root, once every piece has run.</summary>
    public TrieNode? Assemble()
    {
        var nodes = _subtrees;
        var counts = new int[nodes.Length];
        for (var b = 0; b < nodes.Length; b++)
        {
            counts[b] = _starts[b + 1] - _starts[b];
            if (counts[b] > 0 && nodes[b] is null)
            {
                throw new InvalidOperationException($"Piece {b} of the trie build has not run.");
            }
        }

        // Level by level, as BuildRange would have made them: no leaf is nothing, one leaf is that
        // leaf, two or more are a branch.
        while (nodes.Length > 1)
        {
            var parents = new TrieNode?[nodes.Length / 2];
            var parentCounts = new int[parents.Length];
            for (var p = 0; p < parents.Length; p++)
            {
                var (left, right) = (nodes[2 * p], nodes[(2 * p) + 1]);
                parentCounts[p] = counts[2 * p] + counts[(2 * p) + 1];
                parents[p] = parentCounts[p] switch
                {
                    0 => null,
                    1 => left ?? right,
                    _ => new TrieBranch(left, right, SparseMerkleTrie.HashBranch(SparseMerkleTrie.HashOf(left), SparseMerkleTrie.HashOf(right))),
                };
            }

            (nodes, counts) = (parents, parentCounts);
        }

        return nodes[0];
    }

    private void BuildBucket(int bucket)
    {
        var (start, end) = (_starts[bucket], _starts[bucket + 1]);
        Array.Sort(_paths, _leaves, start, end - start);
        for (var i = start + 1; i < end; i++)
        {
            if (_paths[i - 1] == _paths[i])
            {
                throw new ArgumentException("Two leaves have the same path.");
            }
        }

        _subtrees[bucket] = SparseMerkleTrie.BuildRange(_leaves, start, end, _depth);
    }

    private int Bucket(Hash256 path)
    {
        var bucket = 0;
        for (var bit = 0; bit < _depth; bit++)
        {
            bucket = (bucket << 1) | (path.GetBit(bit) ? 1 : 0);
        }

        return bucket;
    }
}
