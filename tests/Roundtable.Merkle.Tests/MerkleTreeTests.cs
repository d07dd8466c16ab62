using Roundtable.Core.Hashing;
using Roundtable.Merkle.Tests.Support;

namespace Roundtable.Merkle.Tests;

public class MerkleTreeTests
{
    // The eight leaves and the tree heads of Certificate Transparency's reference tests
    // (google/certificate-transparency, merkle_tree_test.cc; the same values appear in
    // transparency-dev/merkle's testdata). Roots[n] is the root of the first n leaves.
    private static readonly string[] CtLeaves =
    [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ];

    internal static readonly string[] CtRoots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    // CT reference inclusion proofs: (leaf index, tree size, path).
    public static TheoryData<int, int, string[]> CtInclusionProofs => new()
    {
        { 0, 1, [] },
        {
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        {
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    // CT reference consistency proofs: (old size, new size, path).
    public static TheoryData<int, int, string[]> CtConsistencyProofs => new()
    {
        { 1, 1, [] },
        {
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        {
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    [Fact]
    public void EmptyTreeRoot_IsSha256OfTheEmptyString()
    {
        Assert.Equal(CtRoots[0], MerkleTree.EmptyRoot.ToString());
        Assert.Equal(CtRoots[0], MerkleTree.ComputeRoot([]).ToString());
        Assert.Equal(CtRoots[0], MerkleTree.ComputeRootFromLeafHashes([]).ToString());
    }

    [Fact]
    public void Roots_MatchTheCertificateTransparencyReferenceVectors_ForSizes0To8()
    {
        var leaves = CtLeaves.Select(Convert.FromHexString).ToArray();
        for (var n = 0; n <= leaves.Length; n++)
        {
            Assert.Equal(CtRoots[n], MerkleTree.ComputeRoot(leaves[..n]).ToString());
        }
    }

    [Fact]
    public void LeafHash_PrefixesZeroByte_AndNodeHash_PrefixesOneByte()
    {
        var leaf = Convert.FromHexString("2021");
        Assert.Equal(NaiveRfc6962.LeafHash(leaf), MerkleTree.HashLeaf(leaf).ToArray());

        var big = new byte[5000];
        new Random(1).NextBytes(big);
        Assert.Equal(NaiveRfc6962.LeafHash(big), MerkleTree.HashLeaf(big).ToArray());

        var a = MerkleTree.HashLeaf([1]);
        var b = MerkleTree.HashLeaf([2]);
        Assert.Equal(NaiveRfc6962.NodeHash(a.ToArray(), b.ToArray()), MerkleTree.HashChildren(a, b).ToArray());
    }

    [Theory]
    [MemberData(nameof(CtInclusionProofs))]
    public void InclusionProofs_MatchTheCertificateTransparencyReferenceVectors(int index, int size, string[] expectedPath)
    {
        var leafHashes = CtLeafHashes()[..size];
        var proof = MerkleTree.ProveInclusion(leafHashes, index);

        Assert.Equal(index, proof.LeafIndex);
        Assert.Equal(size, proof.TreeSize);
        Assert.Equal(expectedPath, proof.Path.Select(h => h.ToString()));
        Assert.True(proof.Verify(leafHashes[index], Hash256.Parse(CtRoots[size])));
    }

    [Theory]
    [MemberData(nameof(CtConsistencyProofs))]
    public void ConsistencyProofs_MatchTheCertificateTransparencyReferenceVectors(int oldSize, int newSize, string[] expectedPath)
    {
        var proof = MerkleTree.ProveConsistency(CtLeafHashes()[..newSize], oldSize);

        Assert.Equal(expectedPath, proof.Path.Select(h => h.ToString()));
        Assert.True(proof.Verify(Hash256.Parse(CtRoots[oldSize]), Hash256.Parse(CtRoots[newSize])));
    }

    [Fact]
    public void Root_EqualsNaiveReference_OnRandomTreesOfEverySmallSizeAndSomeLargeOnes()
    {
        var random = new Random(6962);
        var sizes = Enumerable.Range(0, 130).Concat([255, 256, 257, 1000, 1023, 1025]);
        foreach (var n in sizes)
        {
            var leaves = RandomLeaves(random, n);
            var expected = NaiveRfc6962.Mth(leaves.Select(NaiveRfc6962.LeafHash).ToList());
            Assert.Equal(expected, MerkleTree.ComputeRoot(leaves).ToArray());
            Assert.Equal(expected, MerkleTree.ComputeRootFromLeafHashes(leaves.Select(l => MerkleTree.HashLeaf(l)).ToList()).ToArray());
        }
    }

    [Fact]
    public void InclusionProof_EqualsNaivePath_AndVerifies_ForEveryIndexOfEverySizeUpTo64()
    {
        var random = new Random(1);
        for (var n = 1; n <= 64; n++)
        {
            var hashes = RandomLeafHashes(random, n);
            var raw = hashes.Select(h => h.ToArray()).ToList();
            var root = MerkleTree.ComputeRootFromLeafHashes(hashes);
            for (var i = 0; i < n; i++)
            {
                var proof = MerkleTree.ProveInclusion(hashes, i);
                Assert.Equal(NaiveRfc6962.Path(i, raw), proof.Path.Select(h => h.ToArray()));
                Assert.True(proof.Verify(hashes[i], root), $"leaf {i} of {n}");
                Assert.Equal(proof.Path.Count, InclusionProof.ExpectedPathLength(i, n));
            }
        }
    }

    [Fact]
    public void InclusionProof_Verifies_OnSampledLeavesOfRandomLargeTrees()
    {
        var random = new Random(2);
        for (var t = 0; t < 5; t++)
        {
            var n = random.Next(65, 3000);
            var hashes = RandomLeafHashes(random, n);
            var root = MerkleTree.ComputeRootFromLeafHashes(hashes);
            foreach (var i in new[] { 0, n - 1, n / 2, random.Next(n), random.Next(n) })
            {
                var proof = MerkleTree.ProveInclusion(hashes, i);
                Assert.Equal(NaiveRfc6962.Path(i, hashes.Select(h => h.ToArray()).ToList()), proof.Path.Select(h => h.ToArray()));
                Assert.True(proof.Verify(hashes[i], root));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_EqualsNaiveProof_AndVerifies_ForEverySizePairUpTo64()
    {
        var random = new Random(3);
        var hashes = RandomLeafHashes(random, 64);
        var raw = hashes.Select(h => h.ToArray()).ToList();
        var roots = RootsOfEveryPrefix(hashes);
        for (var n = 0; n <= 64; n++)
        {
            for (var m = 0; m <= n; m++)
            {
                var proof = MerkleTree.ProveConsistency(hashes[..n], m);
                List<byte[]> expected = m == 0 || m == n ? [] : NaiveRfc6962.Proof(m, raw[..n]);
                Assert.Equal(expected, proof.Path.Select(h => h.ToArray()));
                Assert.Equal(m, proof.OldSize);
                Assert.Equal(n, proof.NewSize);
                Assert.True(proof.Verify(roots[m], roots[n]), $"{m} -> {n}");
                Assert.Equal(proof.Path.Count, ConsistencyProof.ExpectedPathLength(m, n));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_Verifies_OnSampledSizesOfRandomLargeTrees()
    {
        var random = new Random(4);
        var hashes = RandomLeafHashes(random, 2000);
        for (var t = 0; t < 20; t++)
        {
            var n = random.Next(1, 2001);
            var m = random.Next(0, n + 1);
            var proof = MerkleTree.ProveConsistency(hashes[..n], m);
            var oldRoot = MerkleTree.ComputeRootFromLeafHashes(hashes[..m]);
            var newRoot = MerkleTree.ComputeRootFromLeafHashes(hashes[..n]);
            Assert.True(proof.Verify(oldRoot, newRoot), $"{m} -> {n}");
        }
    }

    [Fact]
    public void TamperedInclusionProofs_AreRejected()
    {
        var random = new Random(5);
        var hashes = RandomLeafHashes(random, 41);
        var roots = RootsOfEveryPrefix(hashes);
        for (var n = 1; n <= 40; n++)
        {
            for (var i = 0; i < n; i++)
            {
                var proof = MerkleTree.ProveInclusion(hashes[..n], i);
                var path = proof.Path.ToList();

                // A flipped bit in any path element, at several bit positions.
                for (var e = 0; e < path.Count; e++)
                {
                    foreach (var bit in new[] { 0, 7, 128, 255 })
                    {
                        var tampered = path.ToList();
                        tampered[e] = FlipBit(tampered[e], bit);
                        Assert.False(new InclusionProof(i, n, tampered).Verify(hashes[i], roots[n]), $"flip {e}/{bit} of {i}/{n}");
                    }
                }

                // The right leaf under any other index, and another leaf under this index.
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        Assert.False(new InclusionProof(j, n, path).Verify(hashes[i], roots[n]), $"index {j} for {i}/{n}");
                        Assert.False(proof.Verify(hashes[j], roots[n]), $"leaf {j} as {i}/{n}");
                    }
                }

                // Another tree size, checked against the genuine root of that size.
                foreach (var otherSize in new[] { n - 1, n + 1 })
                {
                    if (otherSize > i)
                    {
                        Assert.False(new InclusionProof(i, otherSize, path).Verify(hashes[i], roots[otherSize]), $"size {otherSize} for {i}/{n}");
                    }
                }

                Assert.False(new InclusionProof(i, n, path).Verify(hashes[i], roots[n - 1]), "wrong root");
                Assert.False(new InclusionProof(i, n, [.. path, hashes[40]]).Verify(hashes[i], roots[n]), "extra element");
                Assert.False(new InclusionProof(i, n, [hashes[40], .. path]).Verify(hashes[i], roots[n]), "extra first element");
                if (path.Count > 0)
                {
                    Assert.False(new InclusionProof(i, n, path[..^1]).Verify(hashes[i], roots[n]), "truncated at the top");
                    Assert.False(new InclusionProof(i, n, path[1..]).Verify(hashes[i], roots[n]), "truncated at the bottom");
                }

                if (path.Count > 1 && path[0] != path[1])
                {
                    Assert.False(new InclusionProof(i, n, [path[1], path[0], .. path[2..]]).Verify(hashes[i], roots[n]), "swapped");
                }
            }
        }
    }

    [Fact]
    public void InclusionProofs_WithImpossibleIndexOrSize_AreRejectedWithoutThrowing()
    {
        var hashes = CtLeafHashes();
        var root = Hash256.Parse(CtRoots[8]);
        var path = MerkleTree.ProveInclusion(hashes, 5).Path;

        Assert.False(new InclusionProof(8, 8, path).Verify(hashes[5], root));
        Assert.False(new InclusionProof(-1, 8, path).Verify(hashes[5], root));
        Assert.False(new InclusionProof(0, 0, []).Verify(hashes[0], MerkleTree.EmptyRoot));
        Assert.False(new InclusionProof(0, -5, []).Verify(hashes[0], root));
        Assert.False(new InclusionProof(5, 8, [.. Enumerable.Repeat(hashes[0], 65)]).Verify(hashes[5], root));
        Assert.False(new InclusionProof(5, long.MaxValue, path).Verify(hashes[5], root));
    }

    [Fact]
    public void TamperedConsistencyProofs_AreRejected()
    {
        var random = new Random(6);
        var hashes = RandomLeafHashes(random, 42);
        var roots = RootsOfEveryPrefix(hashes);
        var junk = hashes[41];
        for (var n = 2; n <= 40; n++)
        {
            for (var m = 1; m < n; m++)
            {
                var path = MerkleTree.ProveConsistency(hashes[..n], m).Path.ToList();
                Assert.NotEmpty(path);

                for (var e = 0; e < path.Count; e++)
                {
                    foreach (var bit in new[] { 0, 100, 255 })
                    {
                        var tampered = path.ToList();
                        tampered[e] = FlipBit(tampered[e], bit);
                        Assert.False(new ConsistencyProof(m, n, tampered).Verify(roots[m], roots[n]), $"flip {e}/{bit} of {m}->{n}");
                    }
                }

                Assert.False(new ConsistencyProof(m, n, path[..^1]).Verify(roots[m], roots[n]), $"truncated {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, path[1..]).Verify(roots[m], roots[n]), $"truncated at the bottom {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, [.. path, junk]).Verify(roots[m], roots[n]), $"extra {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, [junk, .. path]).Verify(roots[m], roots[n]), $"extra first {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, []).Verify(roots[m], roots[n]), $"empty {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, path).Verify(roots[n], roots[m]), $"roots swapped {m}->{n}");
                Assert.False(new ConsistencyProof(n, m, path).Verify(roots[n], roots[m]), $"sizes swapped {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, path).Verify(roots[m], roots[n + 1]), $"wrong new root {m}->{n}");
                Assert.False(new ConsistencyProof(m, n, path).Verify(roots[m - 1], roots[n]), $"wrong old root {m}->{n}");

                foreach (var (otherOld, otherNew) in new[] { (m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1) })
                {
                    if (otherOld >= 1 && otherOld < otherNew)
                    {
                        Assert.False(new ConsistencyProof(otherOld, otherNew, path).Verify(roots[otherOld], roots[otherNew]), $"sizes {otherOld}->{otherNew} for {m}->{n}");
                    }
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProofs_FromEmptyAndBetweenEqualSizes_FollowTheDegenerateRules()
    {
        var hashes = CtLeafHashes();
        var root4 = Hash256.Parse(CtRoots[4]);
        var root8 = Hash256.Parse(CtRoots[8]);

        Assert.True(new ConsistencyProof(4, 4, []).Verify(root4, root4));
        Assert.False(new ConsistencyProof(4, 4, []).Verify(root4, root8));
        Assert.False(new ConsistencyProof(4, 4, [hashes[0]]).Verify(root4, root4));

        Assert.True(new ConsistencyProof(0, 8, []).Verify(MerkleTree.EmptyRoot, root8));
        Assert.True(new ConsistencyProof(0, 0, []).Verify(MerkleTree.EmptyRoot, MerkleTree.EmptyRoot));
        Assert.False(new ConsistencyProof(0, 0, []).Verify(MerkleTree.EmptyRoot, root8));
        Assert.False(new ConsistencyProof(0, 8, []).Verify(root4, root8));
        Assert.False(new ConsistencyProof(0, 8, [hashes[0]]).Verify(MerkleTree.EmptyRoot, root8));
        Assert.False(new ConsistencyProof(-1, 8, []).Verify(MerkleTree.EmptyRoot, root8));
        Assert.False(new ConsistencyProof(6, 8, [.. Enumerable.Repeat(hashes[0], 65)]).Verify(Hash256.Parse(CtRoots[6]), root8));
    }

    [Fact]
    public void Provers_RejectIndicesAndSizesOutsideTheTree()
    {
        var hashes = CtLeafHashes();
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ProveInclusion(hashes, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ProveInclusion(hashes, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ProveInclusion([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ProveConsistency(hashes, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ProveConsistency(hashes, -1));
        Assert.Throws<ArgumentException>(() => MerkleTree.ComputeRoot([[1], null!]));
    }

    [Fact]
    public void Proofs_CopyTheirPath_AndCompareByValue()
    {
        var path = new List<Hash256> { MerkleTree.HashLeaf([1]) };
        var proof = new InclusionProof(0, 2, path);
        path[0] = MerkleTree.HashLeaf([2]);

        Assert.Equal(MerkleTree.HashLeaf([1]), proof.Path[0]);
        Assert.Equal(new InclusionProof(0, 2, [MerkleTree.HashLeaf([1])]), proof);
        Assert.NotEqual(new InclusionProof(1, 2, [MerkleTree.HashLeaf([1])]), proof);
        Assert.Equal(new ConsistencyProof(1, 2, [MerkleTree.HashLeaf([1])]), new ConsistencyProof(1, 2, [MerkleTree.HashLeaf([1])]));
        Assert.Equal(
            new ConsistencyProof(1, 2, [MerkleTree.HashLeaf([1])]).GetHashCode(),
            new ConsistencyProof(1, 2, [MerkleTree.HashLeaf([1])]).GetHashCode());
    }

    internal static Hash256[] CtLeafHashes() => CtLeaves.Select(l => MerkleTree.HashLeaf(Convert.FromHexString(l))).ToArray();

    internal static Hash256[] RandomLeafHashes(Random random, int n) =>
        RandomLeaves(random, n).Select(l => MerkleTree.HashLeaf(l)).ToArray();

    internal static Hash256 FlipBit(Hash256 hash, int bit)
    {
        var bytes = hash.ToArray();
        bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        return Hash256.FromBytes(bytes);
    }

    private static byte[][] RandomLeaves(Random random, int n)
    {
        var leaves = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            leaves[i] = new byte[random.Next(4, 40)];
            random.NextBytes(leaves[i]);
        }

        return leaves;
    }

    private static Hash256[] RootsOfEveryPrefix(Hash256[] hashes) =>
        Enumerable.Range(0, hashes.Length + 1).Select(n => MerkleTree.ComputeRootFromLeafHashes(hashes[..n])).ToArray();
}
