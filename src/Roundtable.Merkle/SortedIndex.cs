namespace Roundtable.Merkle;

/// <summary>A node of the persistent AVL tree ordered by key bytes (ordinal). Immutable.</summary>
internal sealed class IndexNode
{
    public IndexNode(byte[] key, byte[] value, IndexNode? left, IndexNode? right)
    {
        Key = key;
        Value = value;
        Left = left;
        Right = right;
        Height = 1 + Math.Max(SortedIndex.HeightOf(left), SortedIndex.HeightOf(right));
    }

    public byte[] Key { get; }

    public byte[] Value { get; }

    public IndexNode? Left { get; }

    public IndexNode? Right { get; }

    public int Height { get; }
}

/// <summary>
/// Operations on a persistent (path-copying) AVL tree keyed by byte strings in ordinal order: the
/// ordered key index of <see cref="SparseMerkleMap"/>. Updates return a new root and share all
/// untouched nodes, so a copy of a map is O(1). Lookups take spans and never allocate.
/// </summary>
internal static class SortedIndex
{
    public static int HeightOf(IndexNode? node) => node?.Height ?? 0;

    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.SequenceCompareTo(b);

    public static IndexNode? Find(IndexNode? root, ReadOnlySpan<byte> key)
    {
        var node = root;
        while (node is not null)
        {
            var c = Compare(key, node.Key);
            if (c == 0)
            {
                return node;
            }

            node = c < 0 ? node.Left : node.Right;
        }

        return null;
    }

    /// <summary>The tree with <paramref name="key"/> mapped to <paramref name="value"/>; the arrays are kept, not copied.</summary>
    public static IndexNode Set(IndexNode? node, byte[] key, byte[] value, out bool added)
    {
        if (node is null)
        {
            added = true;
            return new IndexNode(key, value, null, null);
        }

        var c = Compare(key, node.Key);
        if (c == 0)
        {
            added = false;
            return new IndexNode(node.Key, value, node.Left, node.Right);
        }

        return c < 0
            ? Balance(node.Key, node.Value, Set(node.Left, key, value, out added), node.Right)
            : Balance(node.Key, node.Value, node.Left, Set(node.Right, key, value, out added));
    }

    /// <summary>The tree without <paramref name="key"/>; the same root when it is absent.</summary>
    public static IndexNode? Remove(IndexNode? node, ReadOnlySpan<byte> key, out bool removed)
    {
        if (node is null)
        {
            removed = false;
            return null;
        }

        var c = Compare(key, node.Key);
        if (c < 0)
        {
            var left = Remove(node.Left, key, out removed);
            return removed ? Balance(node.Key, node.Value, left, node.Right) : node;
        }

        if (c > 0)
        {
            var right = Remove(node.Right, key, out removed);
            return removed ? Balance(node.Key, node.Value, node.Left, right) : node;
        }

        removed = true;
        if (node.Left is null)
        {
            return node.Right;
        }

        if (node.Right is null)
        {
            return node.Left;
        }

        var rest = RemoveMin(node.Right, out var min);
        return Balance(min.Key, min.Value, node.Left, rest);
    }

    /// <summary>A perfectly balanced tree over strictly increasing keys, in O(n).</summary>
    public static IndexNode? BuildSorted(byte[][] keys, byte[][] values, int start, int end)
    {
        if (start >= end)
        {
            return null;
        }

        var mid = start + ((end - start) >> 1);
        return new IndexNode(keys[mid], values[mid], BuildSorted(keys, values, start, mid), BuildSorted(keys, values, mid + 1, end));
    }

    /// <summary>
    /// The nodes with key ≥ <paramref name="lowerBound"/> in order, stopping at the first key that
    /// does not start with <paramref name="prefix"/>. Walks the tree given, so later updates to the
    /// map are not seen.
    /// </summary>
    public static IEnumerable<IndexNode> EnumerateFrom(IndexNode? root, byte[] lowerBound, byte[] prefix)
    {
        var stack = new Stack<IndexNode>();
        var node = root;
        while (node is not null)
        {
            if (Compare(node.Key, lowerBound) >= 0)
            {
                stack.Push(node);
                node = node.Left;
            }
            else
            {
                node = node.Right;
            }
        }

        while (stack.Count > 0)
        {
            node = stack.Pop();
            if (!node.Key.AsSpan().StartsWith(prefix))
            {
                yield break;
            }

            yield return node;
            for (var m = node.Right; m is not null; m = m.Left)
            {
                stack.Push(m);
            }
        }
    }

    /// <summary>Number of nodes, checking order and AVL balance (tests).</summary>
    public static int CountAndCheck(IndexNode? node)
    {
        if (node is null)
        {
            return 0;
        }

        if (node.Left is not null && Compare(node.Left.Key, node.Key) >= 0)
        {
            throw new InvalidOperationException("Left child is not smaller.");
        }

        if (node.Right is not null && Compare(node.Right.Key, node.Key) <= 0)
        {
            throw new InvalidOperationException("Right child is not larger.");
        }

        if (Math.Abs(HeightOf(node.Left) - HeightOf(node.Right)) > 1 || node.Height != 1 + Math.Max(HeightOf(node.Left), HeightOf(node.Right)))
        {
            throw new InvalidOperationException("AVL balance violated.");
        }

        return 1 + CountAndCheck(node.Left) + CountAndCheck(node.Right);
    }

    private static IndexNode? RemoveMin(IndexNode node, out IndexNode min)
    {
        if (node.Left is null)
        {
            min = node;
            return node.Right;
        }

        var left = RemoveMin(node.Left, out min);
        return Balance(node.Key, node.Value, left, node.Right);
    }

    // Rebuilds a node whose subtrees differ in height by at most 2, restoring the AVL invariant.
    private static IndexNode Balance(byte[] key, byte[] value, IndexNode? left, IndexNode? right)
    {
        var hl = HeightOf(left);
        var hr = HeightOf(right);
        if (hl > hr + 1)
        {
            var l = left!;
            if (HeightOf(l.Left) >= HeightOf(l.Right))
            {
                return new IndexNode(l.Key, l.Value, l.Left, new IndexNode(key, value, l.Right, right));
            }

            var lr = l.Right!;
            return new IndexNode(lr.Key, lr.Value, new IndexNode(l.Key, l.Value, l.Left, lr.Left), new IndexNode(key, value, lr.Right, right));
        }

        if (hr > hl + 1)
        {
            var r = right!;
            if (HeightOf(r.Right) >= HeightOf(r.Left))
            {
                return new IndexNode(r.Key, r.Value, new IndexNode(key, value, left, r.Left), r.Right);
            }

            var rl = r.Left!;
            return new IndexNode(rl.Key, rl.Value, new IndexNode(key, value, left, rl.Left), new IndexNode(r.Key, r.Value, rl.Right, r.Right));
        }

        return new IndexNode(key, value, left, right);
    }
}
