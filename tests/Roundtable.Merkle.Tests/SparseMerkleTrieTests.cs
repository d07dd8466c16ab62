using Roundtable.Core.Hashing;
using Roundtable.Merkle.Tests.Support;

namespace Roundtable.Merkle.Tests;

/// <summary>
/// The compaction logic, driven through raw 32-byte paths: SHA-256 never produces keys whose
/// paths share long prefixes, so the deep cases can only be reached this way.
/// </summary>
public class SparseMerkleTrieTests
{
    // docs/merkle.md, "Compaction with raw paths".
    internal const string RootP0P1 = "a98ef6489a867589402e1e76eb41fe74072e91886e3dc49b74b7c1429644772c";
    internal const string RootP0P2 = "37234aa35ae1295e457bf1d59c92e525c855115b531d7bb861d66c216ab0e76c";
    internal const string RootP0P1P2 = "8d2c0c7fc0dda15a26e7f1c581c943f9cf158fa8a5b55af48b5d71ce03256316";
    internal const string ChainBelowDepth1 = "f0b79d167e8a5e4cf7d3cc8102315218922cc285791e0b0dbd35d304afc7da57";

    private static readonly Hash256 EmptyValueHash = Hash256.Compute([]);

    [Fact]
    public void TwoLeavesDifferingOnlyInTheLastBit_HashThrough255SingleChildLevels()
    {
        var p0 = Path("00", 0);
        var p1 = Path("00", 0, lastByte: 0x01);
        var root = Build([p0, p1]);

        Assert.Equal(RootP0P1, SparseMerkleTrie.HashOf(root).ToString());

        var expected = SparseMerkleMap.HashNode(Leaf(p0), Leaf(p1));
        for (var level = 0; level < 255; level++)
        {
            expected = SparseMerkleMap.HashNode(expected, Hash256.Zero);
        }

        Assert.Equal(expected, SparseMerkleTrie.HashOf(root));
        Assert.Equal(2, SparseMerkleTrie.CountAndCheck(root));
    }

    [Fact]
    public void DocumentedCraftedPathVectors_Hold()
    {
        var p0 = Path("00", 0);
        var p1 = Path("00", 0, lastByte: 0x01);
        var p2 = Path("80", 0);
        Assert.Equal(RootP0P2, SparseMerkleTrie.HashOf(Build([p0, p2])).ToString());
        Assert.Equal(RootP0P1P2, SparseMerkleTrie.HashOf(Build([p0, p1, p2])).ToString());
        Assert.Equal(SparseMerkleMap.HashNode(Leaf(p0), Leaf(p2)), SparseMerkleTrie.HashOf(Build([p0, p2])));
    }

    [Fact]
    public void RemovingALeaf_CollapsesTheChainBackToTheSurvivingLeaf()
    {
        var p0 = Path("00", 0);
        var p1 = Path("00", 0, lastByte: 0x01);
        var root = Build([p0, p1]);

        var afterRemove = TrieEdits.Remove(root, p1);
        Assert.IsType<TrieLeaf>(afterRemove);
        Assert.Equal(Leaf(p0), SparseMerkleTrie.HashOf(afterRemove));

        var empty = TrieEdits.Remove(afterRemove, p0);
        Assert.Null(empty);
        Assert.Equal(Hash256.Zero, SparseMerkleTrie.HashOf(empty));

        // Removing a path that holds nothing leaves the same leaves, and so the same root.
        var unchanged = TrieEdits.Remove(root, Path("00", 0, lastByte: 0x02));
        Assert.Equal(SparseMerkleTrie.HashOf(root), SparseMerkleTrie.HashOf(unchanged));
        Assert.Equal(2, SparseMerkleTrie.CountAndCheck(unchanged));
    }

    [Fact]
    public void CraftedPathsWithLongSharedPrefixes_MatchTheNaiveReference_InAnyInsertionOrderAndAfterRemovals()
    {
        var random = new Random(31);
        for (var trial = 0; trial < 30; trial++)
        {
            var paths = CraftedPaths(random, random.Next(2, 40));
            var valueHashes = paths.Select(_ => RandomHash(random)).ToArray();
            var leaves = paths.Zip(valueHashes, (p, v) => new TrieLeaf(p, v)).ToList();
            var expected = Naive(leaves);

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(leaves));
            TrieNode? root = null;
            foreach (var leaf in leaves)
            {
                root = TrieEdits.Insert(root, leaf);
            }

            Assert.Equal(expected, SparseMerkleTrie.HashOf(root).ToArray());
            Assert.Equal(leaves.Count, SparseMerkleTrie.CountAndCheck(root));
            Assert.Equal(expected, SparseMerkleTrie.HashOf(BuildAtOnce(leaves)).ToArray());

            // Remove half, in random order, checking against the reference after each removal.
            var remaining = leaves.ToList();
            for (var i = 0; i < leaves.Count / 2; i++)
            {
                var victim = remaining[random.Next(remaining.Count)];
                remaining.Remove(victim);
                Assert.NotNull(SparseMerkleTrie.Find(root, victim.Path));
                root = TrieEdits.Remove(root, victim.Path);
                Assert.Equal(Naive(remaining), SparseMerkleTrie.HashOf(root).ToArray());
                Assert.Equal(remaining.Count, SparseMerkleTrie.CountAndCheck(root));
            }
        }
    }

    [Fact]
    public void CraftedPaths_ProveMembershipAndNonMembership_AtEveryDepth()
    {
        var random = new Random(32);
        for (var trial = 0; trial < 20; trial++)
        {
            var paths = CraftedPaths(random, random.Next(1, 30));
            var leaves = paths.Select(p => new TrieLeaf(p, RandomHash(random))).ToList();
            TrieNode? root = null;
            foreach (var leaf in leaves)
            {
                root = TrieEdits.Insert(root, leaf);
            }

            var rootHash = SparseMerkleTrie.HashOf(root);
            foreach (var leaf in leaves)
            {
                var proof = SparseMerkleTrie.Prove(root, leaf.Path);
                Assert.True(proof.VerifyMembershipAtPath(rootHash, leaf.Path, leaf.ValueHash));
                Assert.False(proof.VerifyNonMembershipAtPath(rootHash, leaf.Path));
                Assert.False(proof.VerifyMembershipAtPath(rootHash, leaf.Path, RandomHash(random)));

                // Absent neighbours of a present path: flip one bit anywhere, including deep down.
                foreach (var bit in new[] { 0, 1, 100, 200, 254, 255, random.Next(256) })
                {
                    var neighbour = MerkleTreeTests.FlipBit(leaf.Path, bit);
                    if (leaves.Any(l => l.Path == neighbour))
                    {
                        continue;
                    }

                    var absent = SparseMerkleTrie.Prove(root, neighbour);
                    Assert.True(absent.VerifyNonMembershipAtPath(rootHash, neighbour), $"bit {bit}");
                    Assert.False(absent.VerifyMembershipAtPath(rootHash, neighbour, leaf.ValueHash));
                    Assert.True(absent.Siblings.Count <= 256);
                }
            }
        }
    }

    [Fact]
    public void NonMembershipProof_CanEndInAnEmptySubtreeDeepInsideAChain()
    {
        var p0 = Path("00", 0);
        var p1 = Path("00", 0, lastByte: 0x01);
        var root = Build([p0, p1]);
        var rootHash = SparseMerkleTrie.HashOf(root);

        // Shares 254 bits with both leaves, then turns into the empty side.
        var probe = Path("00", 0, lastByte: 0x02);
        var proof = SparseMerkleTrie.Prove(root, probe);
        Assert.Null(proof.Leaf);
        Assert.Equal(255, proof.Siblings.Count);
        Assert.True(proof.VerifyNonMembershipAtPath(rootHash, probe));

        // 0x40…: turns into the empty side at depth 1, so the walk ends after two siblings.
        var shallow = Path("40", 0);
        var shallowProof = SparseMerkleTrie.Prove(root, shallow);
        Assert.Null(shallowProof.Leaf);
        Assert.Equal([Hash256.Zero, Hash256.Parse(ChainBelowDepth1)], shallowProof.Siblings);
        Assert.True(shallowProof.VerifyNonMembershipAtPath(rootHash, shallow));
    }

    [Fact]
    public void InsertingTheSamePath_ReplacesTheLeaf()
    {
        var p = Path("55", 0);
        TrieNode? root = TrieEdits.Insert(null, new TrieLeaf(p, EmptyValueHash));
        root = TrieEdits.Insert(root, new TrieLeaf(Path("aa", 0), EmptyValueHash));
        var replaced = TrieEdits.Insert(root, new TrieLeaf(p, Hash256.Compute([1])));

        Assert.Equal(2, SparseMerkleTrie.CountAndCheck(replaced));
        Assert.Equal(Hash256.Compute([1]), SparseMerkleTrie.Find(replaced, p)!.ValueHash);
        Assert.Equal(EmptyValueHash, SparseMerkleTrie.Find(root, p)!.ValueHash);
    }

    // Paths clustered around a few random stems so that many share 100-255 leading bits.
    private static List<Hash256> CraftedPaths(Random random, int count)
    {
        var stems = Enumerable.Range(0, 3).Select(_ => RandomHash(random).ToArray()).ToArray();
        var set = new SortedSet<Hash256>();
        while (set.Count < count)
        {
            var bytes = (byte[])stems[random.Next(stems.Length)].Clone();
            var sharedBits = random.Next(4) switch
            {
                0 => 255,
                1 => random.Next(240, 256),
                2 => random.Next(100, 256),
                _ => random.Next(0, 256),
            };
            for (var bit = sharedBits; bit < 256; bit++)
            {
                if (random.Next(2) == 1)
                {
                    bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                }
            }

            set.Add(Hash256.FromBytes(bytes));
        }

        return [.. set];
    }

    private static Hash256 RandomHash(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Hash256.FromBytes(bytes);
    }

    private static Hash256 Path(string firstByteHex, byte fill, byte? lastByte = null)
    {
        var bytes = Enumerable.Repeat(fill, 32).ToArray();
        bytes[0] = Convert.FromHexString(firstByteHex)[0];
        if (lastByte is { } last)
        {
            bytes[31] = last;
        }

        return Hash256.FromBytes(bytes);
    }

    private static Hash256 Leaf(Hash256 path) => SparseMerkleMap.HashLeaf(path, EmptyValueHash);

    /// <summary>The trie as a snapshot load builds it: all leaves at once, in pieces (<see cref="TrieBuilder"/>).</summary>
    private static TrieNode? BuildAtOnce(IReadOnlyList<TrieLeaf> leaves)
    {
        var builder = new TrieBuilder(leaves, 3);
        foreach (var piece in builder.Pieces())
        {
            piece();
        }

        return builder.Assemble();
    }

    private static TrieNode? Build(Hash256[] paths)
    {
        TrieNode? root = null;
        foreach (var p in paths)
        {
            root = TrieEdits.Insert(root, new TrieLeaf(p, EmptyValueHash));
        }

        return root;
    }

    private static byte[] Naive(IEnumerable<TrieLeaf> leaves) =>
        NaiveSparseMerkle.RootOfPaths(leaves.Select(l => (l.Path.ToArray(), l.ValueHash.ToArray())));
}
