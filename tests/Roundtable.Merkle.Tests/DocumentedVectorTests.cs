using System.Text.RegularExpressions;
using Roundtable.Core.Hashing;
using Roundtable.Merkle.Tests.Support;
using static Roundtable.Merkle.Tests.SparseMerkleMapTests;

namespace Roundtable.Merkle.Tests;

/// <summary>
/// The sparse Merkle map vectors printed in docs/merkle.md. They were computed with an independent
/// Python script (hashlib) and are also checked here against the naive C# reference.
/// </summary>
public class DocumentedVectorTests
{
    internal const string AlicePath = "2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90";
    internal const string BobPath = "81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9";
    internal const string HeidiPath = "05a331a7f4f1929faaca289a66f98d5a05b387d9cbeb4f8c2dd8204a6b023a14";
    internal const string ValueHashOf1 = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
    internal const string ValueHashOf2 = "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35";

    internal const string SingleKeyRoot = "d016098f5004316b2c734d9f90d96f9a9c606e35fd9f3feb56d2e69d6ddd2f2e";
    internal const string ThreeKeyRoot = "53b93a32b3b60c53256cdbee511726b5270af307f4859957c6d56cc380a96630";

    // Membership of bob: leaf present (bob's path and SHA-256("2")), one sibling.
    internal const string BobProof =
        "01" + BobPath + ValueHashOf2 + "01" +
        "9eb208c3709f9968c364a05540229a1c24ac9c1389c6ca21cc9096f462b4af39";

    // Non-membership of carol: the walk ends in an empty subtree after two siblings.
    internal const string CarolProof =
        "00" + "02" +
        "d6658c2dfb72ebe11b407f7e77386354ac0208d6e5a05c5c7907dcdd2c225d27" +
        "3757ae0ceddf0f86e3c47be9f2e53be792a9fd9d163047002bdee90333de1518";

    // Non-membership of peggy: the walk ends in alice's leaf after three siblings (one empty).
    internal const string PeggyProof =
        "01" + AlicePath + ValueHashOf1 + "03" +
        "d6658c2dfb72ebe11b407f7e77386354ac0208d6e5a05c5c7907dcdd2c225d27" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "07917da949ee1928e46bdc25d15490cd308106f716e87ca3bd82879cc6c3e0f0";

    [Fact]
    public void EmptyMapRoot_IsAllZero()
    {
        Assert.Equal(new string('0', 64), new SparseMerkleMap().Root.ToString());
    }

    [Fact]
    public void SingleKeyMap_MatchesTheDocumentedRoot()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("alice"), Utf8("1"));

        Assert.Equal(AlicePath, SparseMerkleMap.KeyPath(Utf8("alice")).ToString());
        Assert.Equal(ValueHashOf1, Hash256.Compute(Utf8("1")).ToString());
        Assert.Equal(SingleKeyRoot, map.Root.ToString());
    }

    [Fact]
    public void ThreeKeyMap_MatchesTheDocumentedRootAndProofs()
    {
        var map = ThreeKeyMap();
        var root = map.Root;

        Assert.Equal(ThreeKeyRoot, root.ToString());
        Assert.Equal(Convert.FromHexString(ThreeKeyRoot), NaiveSparseMerkle.RootOfMap(map.EnumerateOrdered()));
        Assert.Equal(HeidiPath, SparseMerkleMap.KeyPath(Utf8("heidi")).ToString());

        Assert.Equal(BobProof, MerkleProofEncodingTests.Hex(map.Prove(Utf8("bob")).Encode));
        Assert.Equal(CarolProof, MerkleProofEncodingTests.Hex(map.Prove(Utf8("carol")).Encode));
        Assert.Equal(PeggyProof, MerkleProofEncodingTests.Hex(map.Prove(Utf8("peggy")).Encode));

        Assert.True(StateProofTests.Decode(Convert.FromHexString(BobProof)).VerifyMembership(root, Utf8("bob"), Utf8("2")));
        Assert.True(StateProofTests.Decode(Convert.FromHexString(CarolProof)).VerifyNonMembership(root, Utf8("carol")));
        Assert.True(StateProofTests.Decode(Convert.FromHexString(PeggyProof)).VerifyNonMembership(root, Utf8("peggy")));
    }

    [Fact]
    public void EveryHashInMerkleMd_IsAssertedByATest()
    {
        var doc = File.ReadAllText(FindRepositoryFile("docs/merkle.md"));
        var asserted = AssertedHex().ToList();
        var hashes = Regex.Matches(doc, "(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])").Select(m => m.Value).Distinct().ToList();

        Assert.True(hashes.Count >= 25, $"only {hashes.Count} hashes found in docs/merkle.md");
        foreach (var hash in hashes)
        {
            Assert.True(asserted.Any(a => a.Contains(hash, StringComparison.Ordinal)), $"{hash} in docs/merkle.md is not asserted by any test");
        }

        // And the other way round: every documented constant appears in the document.
        foreach (var constant in new[] { AlicePath, BobPath, HeidiPath, ValueHashOf1, ValueHashOf2, SingleKeyRoot, ThreeKeyRoot })
        {
            Assert.Contains(constant, doc, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> AssertedHex()
    {
        string[] constants =
        [
            AlicePath, BobPath, HeidiPath, ValueHashOf1, ValueHashOf2, SingleKeyRoot, ThreeKeyRoot, BobProof, CarolProof, PeggyProof,
            MerkleProofEncodingTests.CtInclusion5Of8Hex, MerkleProofEncodingTests.CtConsistency6To8Hex,
            SparseMerkleTrieTests.RootP0P1, SparseMerkleTrieTests.RootP0P2, SparseMerkleTrieTests.RootP0P1P2, SparseMerkleTrieTests.ChainBelowDepth1,
            Hash256.Zero.ToString(),
        ];
        var theoryPaths = MerkleTreeTests.CtInclusionProofs.Concat(MerkleTreeTests.CtConsistencyProofs).SelectMany(row => (string[])row[2]);
        return constants.Concat(MerkleTreeTests.CtRoots).Concat(theoryPaths);
    }

    private static string FindRepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}.");
    }

    private static SparseMerkleMap ThreeKeyMap()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("alice"), Utf8("1"));
        map.Set(Utf8("bob"), Utf8("2"));
        map.Set(Utf8("heidi"), Utf8("3"));
        return map;
    }
}
