namespace Roundtable.Merkle;

/// <summary>
/// A node of the persistent AVL tree ordered by key bytes (ordinal). Immutable once its
/// <see cref="Owner"/> has been frozen; until then the map that made it may change it in place.
/// </summary>
internal sealed class IndexNode
{
    public IndexNode(byte[] key, byte[] value, IndexNode? left, IndexNode? right, object? owner = null)
    {
        Owner = owner;
        Reset(key, value, left, right);
    }

    public byte[] Key { get; private set; } = null!;

    public byte[] Value { get; private set; } = null!;

    public IndexNode? Left { get; private set; }

    public IndexNode? Right { get; private set; }

    public int Height { get; private set; }

    /// <summary>The edit token of the map version that made this node; null for a node built frozen.</summary>
    public object? Owner { get; }

    /// <summary>Overwrites a node no other version can see (its owner is the editing map's token).</summary>
    public void Reset(byte[] key, byte[] value, IndexNode? left, IndexNode? right)
    {
        Key = key;
        Value = value;
        Left = left;
        Right = right;
        Height = 1 + Math.Max(SortedIndex.HeightOf(left), SortedIndex.HeightOf(right));
    }
}

/// <summary>What <see cref="SortedIndex.Set"/> did.</summary>
internal enum IndexWrite
{
    /// <summary>The key was new.</summary>
    Added,

    /// <summary>The key held other bytes, now replaced.</summary>
    Replaced,

    /// <summary>The key already held these bytes; the tree is the one given.</summary>
    Unchanged,
}

/// <summary>
/// Operations on a persistent (path-copying) AVL tree keyed by byte strings in ordinal order: the
/// ordered key index of <see cref="SparseMerkleMap"/>. Updates return a new root and share all
/// untouched nodes, so a copy of a map is O(1). Lookups take spans and never allocate.
/// <para>
/// An update passes the editing map's token: a node on the updated path that carries the same
/// token was made by this map since it last froze (no clone and no enumeration can see it), so it
/// is changed in place instead of copied. A block that writes thousands of keys copies each node
/// near the root once, not once per write. A null token copies everything.
/// </para>
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

    /// <summary>
    /// The tree with <paramref name="key"/> mapped to <paramref name="value"/>, in one walk: the
    /// same root when the key already holds equal bytes. The value array is kept, not copied; the
    /// key is copied only when it is new (a replaced entry keeps its key array).
    /// </summary>
    public static IndexNode Set(IndexNode? node, ReadOnlySpan<byte> key, byte[] value, out IndexWrite write, object? owner = null)
    {
        if (node is null)
        {
            write = IndexWrite.Added;
            return new IndexNode(key.ToArray(), value, null, null, owner);
        }

        var c = Compare(key, node.Key);
        if (c == 0)
        {
            if (node.Value.AsSpan().SequenceEqual(value))
            {
                write = IndexWrite.Unchanged;
                return node;
            }

            write = IndexWrite.Replaced;
            return Make(node, node.Key, value, node.Left, node.Right, owner);
        }

        var child = Set(c < 0 ? node.Left : node.Right, key, value, out write, owner);
        if (write == IndexWrite.Unchanged)
        {
            return node;
        }

        return c < 0
            ? Balance(node, node.Key, node.Value, child, node.Right, owner)
            : Balance(node, node.Key, node.Value, node.Left, child, owner);
    }

    /// <summary>The tree without <paramref name="key"/>; the same root when it is absent.</summary>
    public static IndexNode? Remove(IndexNode? node, ReadOnlySpan<byte> key, out bool removed, object? owner = null)
    {
        if (node is null)
        {
            removed = false;
            return null;
        }

        var c = Compare(key, node.Key);
        if (c < 0)
        {
            var left = Remove(node.Left, key, out removed, owner);
            return removed ? Balance(node, node.Key, node.Value, left, node.Right, owner) : node;
        }

        if (c > 0)
        {
            var right = Remove(node.Right, key, out removed, owner);
            return removed ? Balance(node, node.Key, node.Value, node.Left, right, owner) : node;
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

        var rest = RemoveMin(node.Right, out var min, owner);
        return Balance(node, min.Key, min.Value, node.Left, rest, owner);
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
    /// does not start with <paramref name="prefix"/>. Walks the tree given, which must be frozen
    /// (no map may edit it in place) while the walk lasts.
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

    private static IndexNode? RemoveMin(IndexNode node, out IndexNode min, object? owner)
    {
        if (node.Left is null)
        {
            min = node;
            return node.Right;
        }

        var left = RemoveMin(node.Left, out min, owner);
        return Balance(node, node.Key, node.Value, left, node.Right, owner);
    }

    // `reuse` itself when this map may still edit it, otherwise a copy: the one place a node is made.
    private static IndexNode Make(IndexNode reuse, byte[] key, byte[] value, IndexNode? left, IndexNode? right, object? owner)
    {
        if (owner is not null && ReferenceEquals(reuse.Owner, owner))
        {
            reuse.Reset(key, value, left, right);
            return reuse;
        }

        return new IndexNode(key, value, left, right, owner);
    }

    // Rebuilds a node whose subtrees differ in height by at most 2, restoring the AVL invariant. The
    // nodes a rotation moves are reused like `reuse`; each is read in full before it is overwritten.
    private static IndexNode Balance(IndexNode reuse, byte[] key, byte[] value, IndexNode? left, IndexNode? right, object? owner)
    {
        var hl = HeightOf(left);
        var hr = HeightOf(right);
        if (hl > hr + 1)
        {
            var l = left!;
            if (HeightOf(l.Left) >= HeightOf(l.Right))
            {
                var lower = Make(reuse, key, value, l.Right, right, owner);
                return Make(l, l.Key, l.Value, l.Left, lower, owner);
            }

            var lr = l.Right!;
            var (lrKey, lrValue, lrLeft, lrRight) = (lr.Key, lr.Value, lr.Left, lr.Right);
            var newLeft = Make(l, l.Key, l.Value, l.Left, lrLeft, owner);
            var newRight = Make(reuse, key, value, lrRight, right, owner);
            return Make(lr, lrKey, lrValue, newLeft, newRight, owner);
        }

        if (hr > hl + 1)
        {
            var r = right!;
            if (HeightOf(r.Right) >= HeightOf(r.Left))
            {
                var lower = Make(reuse, key, value, left, r.Left, owner);
                return Make(r, r.Key, r.Value, lower, r.Right, owner);
            }

            var rl = r.Left!;
            var (rlKey, rlValue, rlLeft, rlRight) = (rl.Key, rl.Value, rl.Left, rl.Right);
            var newLeft = Make(reuse, key, value, left, rlLeft, owner);
            var newRight = Make(r, r.Key, r.Value, rlRight, r.Right, owner);
            return Make(rl, rlKey, rlValue, newLeft, newRight, owner);
        }

        return Make(reuse, key, value, left, right, owner);
    }
}
