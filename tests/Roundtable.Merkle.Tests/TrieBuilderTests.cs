using Roundtable.Core.Hashing;
using Roundtable.Merkle.Tests.Support;

namespace Roundtable.Merkle.Tests;

public class TrieBuilderTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    [InlineData(50, 0)]
    [InlineData(50, 3)]
    [InlineData(1_000, 4)]
    public void Pieces_run_in_any_order_assemble_the_trie_that_inserting_the_leaves_one_by_one_makes(int leafCount, int depth)
    {
        var leaves = Leaves(leafCount, seed: leafCount + depth);
        var expected = leaves.Aggregate((TrieNode?)null, (trie, leaf) => TrieEdits.Insert(trie, leaf));

        var builder = new TrieBuilder(leaves, depth);
        foreach (var piece in builder.Pieces().Reverse())
        {
            piece();
        }

        var root = builder.Assemble();
        Assert.Equal(SparseMerkleTrie.HashOf(expected), SparseMerkleTrie.HashOf(root));
        Assert.Equal(leafCount, SparseMerkleTrie.CountAndCheck(root));
        Assert.Equal(leafCount == 0, root is null);
    }

    [Fact]
    public void Two_leaves_with_one_path_fail_their_piece_and_a_piece_not_run_fails_the_assembly()
    {
        var leaves = Leaves(20, seed: 5);
        var twice = new TrieBuilder([.. leaves, leaves[3]], 2);
        Assert.Throws<ArgumentException>(() =>
        {
            foreach (var piece in twice.Pieces())
            {
                piece();
            }
        });

        var unrun = new TrieBuilder(leaves, 2);
        Assert.Throws<InvalidOperationException>(() => unrun.Assemble());
    }

    [Fact]
    public void AdoptSorted_gives_the_map_LoadSorted_gives_when_its_pieces_run_on_threads_of_their_own()
    {
        var random = new Random(31);
        var entries = Enumerable.Range(0, 3_000)
            .Select(i => KeyValuePair.Create(BitConverter.GetBytes(i).Reverse().ToArray(), Hash256.Compute(BitConverter.GetBytes(random.Next())).ToArray()))
            .ToList();
        var pieceCount = 0;

        var map = SparseMerkleMap.AdoptSorted(entries, pieces =>
        {
            pieceCount = pieces.Length;
            var threads = pieces.Reverse().Select(piece => new Thread(() => piece())).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        });

        var loaded = SparseMerkleMap.LoadSorted(entries);
        Assert.True(pieceCount > 2, $"{pieceCount} pieces");
        Assert.Equal(loaded.Root, map.Root);
        Assert.Equal(entries.Count, map.Count);
        Assert.Equal(entries[1234].Value, map.Get(entries[1234].Key));
        map.CheckInvariants();
    }

    private static List<TrieLeaf> Leaves(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var bytes = new byte[Hash256.Size];
            random.NextBytes(bytes);
            return new TrieLeaf(Hash256.FromBytes(bytes), Hash256.Compute(bytes));
        })];
    }
}
