using Roundtable.Core.Encoding;

namespace Roundtable.Merkle.Tests;

public class MerkleProofEncodingTests
{
    // docs/merkle.md, "Inclusion proof encoding": leaf 5 of the 8 CT reference leaves.
    internal const string CtInclusion5Of8Hex =
        "050803" +
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" +
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0" +
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";

    // docs/merkle.md, "Consistency proof encoding": CT reference tree 6 -> 8.
    internal const string CtConsistency6To8Hex =
        "060803" +
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a" +
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0" +
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";

    [Fact]
    public void InclusionProof_EncodesToTheDocumentedBytes()
    {
        var proof = MerkleTree.ProveInclusion(MerkleTreeTests.CtLeafHashes(), 5);
        Assert.Equal(CtInclusion5Of8Hex, Hex(proof.Encode));
        Assert.Equal(proof, DecodeInclusion(Convert.FromHexString(CtInclusion5Of8Hex)));
    }

    [Fact]
    public void ConsistencyProof_EncodesToTheDocumentedBytes()
    {
        var proof = MerkleTree.ProveConsistency(MerkleTreeTests.CtLeafHashes(), 6);
        Assert.Equal(CtConsistency6To8Hex, Hex(proof.Encode));
        Assert.Equal(proof, DecodeConsistency(Convert.FromHexString(CtConsistency6To8Hex)));
    }

    [Fact]
    public void EveryInclusionAndConsistencyProof_RoundTripsThroughTheEncoding()
    {
        var hashes = MerkleTreeTests.RandomLeafHashes(new Random(7), 33);
        for (var n = 0; n <= hashes.Length; n++)
        {
            for (var i = 0; i < n; i++)
            {
                var proof = MerkleTree.ProveInclusion(hashes[..n], i);
                Assert.Equal(proof, DecodeInclusion(Encode(proof.Encode)));
            }

            for (var m = 0; m <= n; m++)
            {
                var proof = MerkleTree.ProveConsistency(hashes[..n], m);
                Assert.Equal(proof, DecodeConsistency(Encode(proof.Encode)));
            }
        }
    }

    [Theory]
    [InlineData("050841", DecodeError.Oversize)] // 65 path elements announced
    [InlineData("080800", DecodeError.InvalidValue)] // index outside the tree
    [InlineData("000000", DecodeError.InvalidValue)] // a tree of no leaves has no inclusion proofs
    [InlineData("050802", DecodeError.InvalidValue)] // leaf 5 of 8 needs exactly 3 elements
    [InlineData("0508", DecodeError.Truncated)]
    [InlineData("85000803", DecodeError.NonCanonical)] // overlong varint for the index
    [InlineData("00808080808080808080" + "01" + "00", DecodeError.Oversize)] // tree size 2^63
    public void InclusionProofDecoder_RefusesOutOfBoundsAndNonCanonicalInput(string hex, DecodeError expected)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<DecodeException>(() => DecodeInclusion(bytes));
        Assert.Equal(expected, e.Error);
    }

    [Fact]
    public void InclusionProofDecoder_RefusesTruncatedPathAndTrailingBytes()
    {
        var bytes = Convert.FromHexString(CtInclusion5Of8Hex);
        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => DecodeInclusion(bytes[..^1])).Error);
        Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => DecodeInclusion([.. bytes, 0])).Error);
    }

    [Theory]
    [InlineData("050300", DecodeError.InvalidValue)] // old size above new size
    [InlineData("060841", DecodeError.Oversize)] // 65 path elements announced
    [InlineData("060802", DecodeError.InvalidValue)] // 6 -> 8 needs exactly 3 elements
    [InlineData("040401", DecodeError.InvalidValue)] // equal sizes need an empty path
    [InlineData("000801", DecodeError.InvalidValue)] // from the empty tree the path is empty
    [InlineData("0008", DecodeError.Truncated)]
    [InlineData("00808080808080808080" + "01" + "00", DecodeError.Oversize)] // new size 2^63
    public void ConsistencyProofDecoder_RefusesOutOfBoundsAndNonCanonicalInput(string hex, DecodeError expected)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<DecodeException>(() => DecodeConsistency(bytes));
        Assert.Equal(expected, e.Error);
    }

    [Fact]
    public void Decoders_AcceptTheEmptyProofsOfTheDegenerateCases()
    {
        Assert.Equal(new InclusionProof(0, 1, []), DecodeInclusion(Convert.FromHexString("000100")));
        Assert.Equal(new ConsistencyProof(0, 8, []), DecodeConsistency(Convert.FromHexString("000800")));
        Assert.Equal(new ConsistencyProof(4, 4, []), DecodeConsistency(Convert.FromHexString("040400")));
    }

    internal static byte[] Encode(Action<CanonicalWriter> encode)
    {
        var writer = new CanonicalWriter();
        encode(writer);
        return writer.ToArray();
    }

    internal static string Hex(Action<CanonicalWriter> encode) => Convert.ToHexStringLower(Encode(encode));

    private static InclusionProof DecodeInclusion(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var proof = InclusionProof.Decode(ref reader);
        reader.EnsureEnd();
        return proof;
    }

    private static ConsistencyProof DecodeConsistency(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var proof = ConsistencyProof.Decode(ref reader);
        reader.EnsureEnd();
        return proof;
    }
}
