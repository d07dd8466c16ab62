using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using static Roundtable.Merkle.Tests.SparseMerkleMapTests;

namespace Roundtable.Merkle.Tests;

public class StateProofTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(300)]
    public void Proofs_VerifyForEveryPresentKey_AndForAbsentKeys(int size)
    {
        var random = new Random(100 + size);
        var entries = RandomEntries(random, size);
        var map = SparseMerkleMap.LoadSorted(entries);
        var root = map.Root;

        foreach (var (k, v) in entries)
        {
            var proof = map.Prove(k);
            Assert.True(proof.VerifyMembership(root, k, v));
            Assert.False(proof.VerifyNonMembership(root, k));
            Assert.Equal(SparseMerkleMap.KeyPath(k), proof.Leaf!.KeyPath);
        }

        for (var i = 0; i < 200; i++)
        {
            var absent = RandomKey(random);
            if (map.ContainsKey(absent))
            {
                continue;
            }

            var proof = map.Prove(absent);
            Assert.True(proof.VerifyNonMembership(root, absent));
            Assert.False(proof.VerifyMembership(root, absent, []));
        }
    }

    [Fact]
    public void NonMembershipProofs_EndEitherInAnEmptySubtreeOrInAnotherKeysLeaf_AndBothVerify()
    {
        var random = new Random(21);
        var map = SparseMerkleMap.LoadSorted(RandomEntries(random, 50));
        var root = map.Root;
        int endedEmpty = 0, endedInOtherLeaf = 0;
        for (var i = 0; i < 500; i++)
        {
            var absent = RandomKey(random);
            var proof = map.Prove(absent);
            Assert.True(proof.VerifyNonMembership(root, absent));
            if (proof.Leaf is null)
            {
                endedEmpty++;
            }
            else
            {
                Assert.NotEqual(SparseMerkleMap.KeyPath(absent), proof.Leaf.KeyPath);
                endedInOtherLeaf++;
            }
        }

        Assert.True(endedEmpty > 0, "no proof ended in an empty subtree");
        Assert.True(endedInOtherLeaf > 0, "no proof ended in another key's leaf");
    }

    [Fact]
    public void ProofsOfAnUpdatedMap_VerifyAgainstTheNewRootOnly()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("a"), Utf8("1"));
        map.Set(Utf8("b"), Utf8("2"));
        var oldRoot = map.Root;
        map.Set(Utf8("b"), Utf8("3"));

        var proof = map.Prove(Utf8("b"));
        Assert.True(proof.VerifyMembership(map.Root, Utf8("b"), Utf8("3")));
        Assert.False(proof.VerifyMembership(oldRoot, Utf8("b"), Utf8("3")));
        Assert.False(proof.VerifyMembership(map.Root, Utf8("b"), Utf8("2")));
    }

    [Fact]
    public void TamperedProofs_AreRejected()
    {
        var random = new Random(22);
        var entries = RandomEntries(random, 200);
        var map = SparseMerkleMap.LoadSorted(entries);
        var root = map.Root;

        foreach (var (key, value) in entries.Take(40))
        {
            var proof = map.Prove(key);
            var otherValue = (byte[])value.Clone();
            otherValue = [.. otherValue, 0];

            // A flipped bit in any sibling.
            for (var i = 0; i < proof.Siblings.Count; i++)
            {
                foreach (var bit in new[] { 0, 200 })
                {
                    var siblings = proof.Siblings.ToList();
                    siblings[i] = MerkleTreeTests.FlipBit(siblings[i], bit);
                    Assert.False(new StateProof(proof.Leaf, siblings).VerifyMembership(root, key, value));
                }
            }

            // The wrong value, a wrong value hash in the leaf, missing, extra or reordered siblings.
            Assert.False(proof.VerifyMembership(root, key, otherValue));
            Assert.False(new StateProof(new StateProofLeaf(proof.Leaf!.KeyPath, Hash256.Compute(otherValue)), proof.Siblings).VerifyMembership(root, key, otherValue));
            Assert.False(new StateProof(proof.Leaf, proof.Siblings.Skip(1).ToList()).VerifyMembership(root, key, value));
            Assert.False(new StateProof(proof.Leaf, proof.Siblings.SkipLast(1).ToList()).VerifyMembership(root, key, value));
            Assert.False(new StateProof(proof.Leaf, [.. proof.Siblings, Hash256.Zero]).VerifyMembership(root, key, value));
            Assert.False(new StateProof(proof.Leaf, [.. proof.Siblings.Reverse()]).VerifyMembership(root, key, value));

            // Absence of a present key: its own proof, or the proof reshaped to end empty.
            Assert.False(proof.VerifyNonMembership(root, key));
            Assert.False(new StateProof(null, proof.Siblings).VerifyNonMembership(root, key));

            // Someone else's proof does not prove this key.
            var (otherKey, otherKeysValue) = entries[^1];
            Assert.False(map.Prove(otherKey).VerifyMembership(root, key, value));
            Assert.False(map.Prove(otherKey).VerifyMembership(root, key, otherKeysValue));
            Assert.False(proof.VerifyNonMembership(root, otherKey));
        }

        for (var i = 0; i < 40; i++)
        {
            var absent = RandomKey(random);
            var proof = map.Prove(absent);

            // Presence of an absent key, with any value, or with a fabricated leaf for it.
            Assert.False(proof.VerifyMembership(root, absent, []));
            Assert.False(proof.VerifyMembership(root, absent, Utf8("anything")));
            Assert.False(new StateProof(new StateProofLeaf(SparseMerkleMap.KeyPath(absent), Hash256.Compute([])), proof.Siblings).VerifyMembership(root, absent, []));

            for (var s = 0; s < proof.Siblings.Count; s++)
            {
                var siblings = proof.Siblings.ToList();
                siblings[s] = MerkleTreeTests.FlipBit(siblings[s], 255);
                Assert.False(new StateProof(proof.Leaf, siblings).VerifyNonMembership(root, absent));
            }

            if (proof.Leaf is not null)
            {
                var otherLeaf = new StateProofLeaf(proof.Leaf.KeyPath, MerkleTreeTests.FlipBit(proof.Leaf.ValueHash, 3));
                Assert.False(new StateProof(otherLeaf, proof.Siblings).VerifyNonMembership(root, absent));
                Assert.False(new StateProof(null, proof.Siblings).VerifyNonMembership(root, absent));
            }
            else
            {
                var fabricated = new StateProofLeaf(MerkleTreeTests.FlipBit(SparseMerkleMap.KeyPath(absent), 255), Hash256.Zero);
                Assert.False(new StateProof(fabricated, proof.Siblings).VerifyNonMembership(root, absent));
            }

            Assert.False(proof.VerifyNonMembership(MerkleTreeTests.FlipBit(root, 0), absent));
        }
    }

    [Fact]
    public void NonMembership_IsRejected_WhenTheOtherLeafDoesNotShareTheWalkedPrefix()
    {
        // With collision-resistant hashing no honest root admits such a proof; the verifier still
        // checks the prefix itself (as Diem's does), so a root built along the probe's directions
        // around a misplaced leaf is refused. bob's path starts with bit 1, alice's and carol's with 0.
        var valueHash = Hash256.Compute(Utf8("2"));
        var sibling = Hash256.Compute([7]);
        var bobPath = SparseMerkleMap.KeyPath(Utf8("bob"));
        var alicePath = SparseMerkleMap.KeyPath(Utf8("alice"));
        Assert.True(bobPath.GetBit(0));
        Assert.False(alicePath.GetBit(0));
        Assert.False(SparseMerkleMap.KeyPath(Utf8("carol")).GetBit(0));

        var misplacedRoot = SparseMerkleMap.HashNode(SparseMerkleMap.HashLeaf(bobPath, valueHash), sibling);
        var misplaced = new StateProof(new StateProofLeaf(bobPath, valueHash), [sibling]);
        Assert.False(misplaced.VerifyNonMembership(misplacedRoot, Utf8("carol")));

        // The same shape with a leaf that does lie on carol's side is accepted.
        var placedRoot = SparseMerkleMap.HashNode(SparseMerkleMap.HashLeaf(alicePath, valueHash), sibling);
        var placed = new StateProof(new StateProofLeaf(alicePath, valueHash), [sibling]);
        Assert.True(placed.VerifyNonMembership(placedRoot, Utf8("carol")));
    }

    [Fact]
    public void Proofs_WithMoreThan256Siblings_AreRejectedWithoutThrowing()
    {
        var proof = new StateProof(null, [.. Enumerable.Repeat(Hash256.Zero, 257)]);
        Assert.False(proof.VerifyNonMembership(Hash256.Zero, [1]));
        Assert.False(proof.VerifyMembership(Hash256.Zero, [1], [1]));
    }

    [Fact]
    public void StateProofs_RoundTripThroughTheEncoding()
    {
        var random = new Random(23);
        var entries = RandomEntries(random, 100);
        var map = SparseMerkleMap.LoadSorted(entries);
        var proofs = entries.Select(e => map.Prove(e.Key)).Concat(Enumerable.Range(0, 50).Select(_ => map.Prove(RandomKey(random))));
        foreach (var proof in proofs)
        {
            var decoded = Decode(MerkleProofEncodingTests.Encode(proof.Encode));
            Assert.Equal(proof, decoded);
            Assert.Equal(proof.GetHashCode(), decoded.GetHashCode());
        }

        var empty = new SparseMerkleMap().Prove([1]);
        Assert.Equal("0000", MerkleProofEncodingTests.Hex(empty.Encode));
        Assert.True(Decode([0, 0]).VerifyNonMembership(Hash256.Zero, [1]));
    }

    [Fact]
    public void StateProofDecoder_RefusesOversizeTruncatedAndNonCanonicalInput()
    {
        // 257 siblings announced.
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => Decode(Convert.FromHexString("008102"))).Error);

        // A marker byte other than 0 or 1.
        Assert.Equal(DecodeError.NonCanonical, Assert.Throws<DecodeException>(() => Decode(Convert.FromHexString("0200"))).Error);

        // A leaf cut short, and a sibling cut short.
        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => Decode([1, .. new byte[40]])).Error);
        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => Decode([0, 1, .. new byte[31]])).Error);

        // Trailing bytes after a complete proof.
        Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => Decode([0, 0, 0])).Error);

        // Exactly 256 siblings is fine.
        var max = Decode([0, 0x80, 0x02, .. new byte[256 * 32]]);
        Assert.Equal(256, max.Siblings.Count);
    }

    internal static StateProof Decode(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var proof = StateProof.Decode(ref reader);
        reader.EnsureEnd();
        return proof;
    }
}
