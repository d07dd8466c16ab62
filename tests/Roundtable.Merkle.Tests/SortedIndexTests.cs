using Roundtable.Merkle.Tests.Support;

namespace Roundtable.Merkle.Tests;

public class SortedIndexTests
{
    [Fact]
    public void RandomInsertsAndRemovals_KeepTheTreeOrderedAndBalanced_AndMatchAReferenceModel()
    {
        var random = new Random(41);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        IndexNode? root = null;
        for (var step = 0; step < 5000; step++)
        {
            var key = new byte[random.Next(1, 3)];
            random.NextBytes(key);
            if (random.Next(3) == 0)
            {
                root = SortedIndex.Remove(root, key, out var removed);
                Assert.Equal(model.Remove(key), removed);
            }
            else
            {
                var value = new byte[] { (byte)step };
                root = SortedIndex.Set(root, key, value, out var write);
                Assert.Equal(ExpectedWrite(model, key, value), write);
                model[key] = value;
            }

            if (step % 100 == 0)
            {
                Assert.Equal(model.Count, SortedIndex.CountAndCheck(root));
                Assert.Equal(model.Keys, SortedIndex.EnumerateFrom(root, [], []).Select(n => n.Key));
            }
        }

        Assert.Equal(model.Count, SortedIndex.CountAndCheck(root));
        foreach (var (k, v) in model)
        {
            Assert.Same(v, SortedIndex.Find(root, k)!.Value);
        }
    }

    [Fact]
    public void BuildSorted_ProducesABalancedTree()
    {
        foreach (var n in new[] { 0, 1, 2, 3, 7, 8, 1000 })
        {
            var keys = Enumerable.Range(0, n).Select(i => new[] { (byte)(i >> 8), (byte)i }).ToArray();
            var root = SortedIndex.BuildSorted(keys, keys, 0, n);
            Assert.Equal(n, SortedIndex.CountAndCheck(root));
        }
    }

    [Fact]
    public void UpdatesLeaveOlderVersionsIntact()
    {
        var v1 = FrozenTree(50);
        var v2 = SortedIndex.Remove(v1, [10], out _);
        v2 = SortedIndex.Set(v2, [20], [99], out _);

        Assert.Equal(50, SortedIndex.CountAndCheck(v1));
        Assert.Equal(new byte[] { 20 }, SortedIndex.Find(v1, [20])!.Value);
        Assert.NotNull(SortedIndex.Find(v1, [10]));
        Assert.Equal(49, SortedIndex.CountAndCheck(v2));
        Assert.Equal(new byte[] { 99 }, SortedIndex.Find(v2, [20])!.Value);
    }
    [Fact]
    public void Edits_under_one_token_change_its_own_nodes_in_place_and_never_a_frozen_version()
    {
        var random = new Random(43);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        var frozen = new List<(IndexNode? Root, KeyValuePair<byte[], byte[]>[] Entries)>();
        IndexNode? root = null;
        var token = new object();
        for (var step = 0; step < 6000; step++)
        {
            if (step % 500 == 0)
            {
                // Freeze: what exists now is kept as a version, and later edits use a new token.
                frozen.Add((root, [.. model]));
                token = new object();
            }

            var key = new byte[random.Next(1, 3)];
            random.NextBytes(key);
            if (random.Next(3) == 0)
            {
                root = SortedIndex.Remove(root, key, out var removed, token);
                Assert.Equal(model.Remove(key), removed);
            }
            else
            {
                var value = new byte[] { (byte)step };
                root = SortedIndex.Set(root, key, value, out var write, token);
                Assert.Equal(ExpectedWrite(model, key, value), write);
                model[key] = value;
            }
        }

        Assert.Equal(model.Count, SortedIndex.CountAndCheck(root));
        Assert.Equal(model.Keys, SortedIndex.EnumerateFrom(root, [], []).Select(n => n.Key));
        foreach (var (version, entries) in frozen)
        {
            Assert.Equal(entries.Length, SortedIndex.CountAndCheck(version));
            Assert.Equal(entries.Select(e => e.Key), SortedIndex.EnumerateFrom(version, [], []).Select(n => n.Key));
            Assert.Equal(entries.Select(e => e.Value), SortedIndex.EnumerateFrom(version, [], []).Select(n => n.Value));
        }
    }

    [Fact]
    public void A_second_write_under_the_same_token_reuses_the_path_the_first_one_copied()
    {
        var frozen = FrozenTree(64);
        var token = new object();
        var first = SortedIndex.Set(frozen, [10], [1], out _, token);
        var second = SortedIndex.Set(first, [10], [2], out _, token);
        var copied = SortedIndex.Set(second, [10], [3], out _, new object());

        Assert.NotSame(frozen, first);
        Assert.Same(first, second);
        Assert.NotSame(second, copied);
        Assert.Equal(new byte[] { 10 }, SortedIndex.Find(frozen, [10])!.Value);
        Assert.Equal(new byte[] { 2 }, SortedIndex.Find(second, [10])!.Value);
        Assert.Equal(new byte[] { 3 }, SortedIndex.Find(copied, [10])!.Value);
    }

    [Fact]
    public void Writing_the_bytes_a_key_already_holds_returns_the_same_tree()
    {
        var root = FrozenTree(64);
        var token = new object();
        var same = SortedIndex.Set(root, [10], [10], out var write, token);
        var changed = SortedIndex.Set(root, [10], [11], out var replaced, token);

        Assert.Equal(IndexWrite.Unchanged, write);
        Assert.Same(root, same);
        Assert.Equal(IndexWrite.Replaced, replaced);
        Assert.NotSame(root, changed);
    }

    // Keys and values 0 … count − 1, one byte each, built without a token: no edit may change it.
    private static IndexNode? FrozenTree(byte count)
    {
        IndexNode? root = null;
        for (byte i = 0; i < count; i++)
        {
            root = SortedIndex.Set(root, [i], [i], out _);
        }

        return root;
    }

    private static IndexWrite ExpectedWrite(SortedDictionary<byte[], byte[]> model, byte[] key, byte[] value) =>
        !model.TryGetValue(key, out var held) ? IndexWrite.Added : held.AsSpan().SequenceEqual(value) ? IndexWrite.Unchanged : IndexWrite.Replaced;
}
