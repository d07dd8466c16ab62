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
                root = SortedIndex.Set(root, key, value, out var added);
                Assert.Equal(!model.ContainsKey(key), added);
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
        IndexNode? v1 = null;
        for (byte i = 0; i < 50; i++)
        {
            v1 = SortedIndex.Set(v1, [i], [i], out _);
        }

        var v2 = SortedIndex.Remove(v1, [10], out _);
        v2 = SortedIndex.Set(v2, [20], [99], out _);

        Assert.Equal(50, SortedIndex.CountAndCheck(v1));
        Assert.Equal(new byte[] { 20 }, SortedIndex.Find(v1, [20])!.Value);
        Assert.NotNull(SortedIndex.Find(v1, [10]));
        Assert.Equal(49, SortedIndex.CountAndCheck(v2));
        Assert.Equal(new byte[] { 99 }, SortedIndex.Find(v2, [20])!.Value);
    }
}
