using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Tests.Support;
using Roundtable.Proofs.Verification;

namespace Roundtable.Proofs.Tests;

/// <summary>The vectors of docs/proofs.md §9, read from the document itself, so the two cannot drift apart.</summary>
public sealed class DocumentedVectorTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Vectors = ProofVectors.Read();

    [Fact]
    public void The_document_holds_the_genesis_and_the_bundle_vectors()
    {
        Assert.Equal(2, Vectors.Count);
    }

    [Fact]
    public void The_genesis_hash_is_computed_from_chain_id_time_and_validators_as_documented()
    {
        var v = Vectors[0];
        var chain = new SignedChain(chainId: "vector-chain", validators: 2);
        var reader = new CanonicalReader(Convert.FromHexString(v["genesis-anchor"]));
        var decoded = TrustAnchor.Decode(ref reader, "vector-chain");

        Assert.Equal(v["genesis-validator-set-hash"], chain.Genesis.Validators.Hash.ToString());
        Assert.Equal(v["genesis-anchor"], Hex(chain.Genesis.Encode));
        Assert.Equal(v["genesis-hash"], chain.Genesis.Hash.ToString());
        Assert.Equal(v["genesis-hash"], decoded.Hash.ToString());
    }

    [Fact]
    public void The_documented_bundle_verifies_with_the_documented_claims()
    {
        var v = Vectors[1];
        var bundle = ProofBundle.Decode(Convert.FromHexString(v["bundle"]));

        var result = BundleVerifier.Verify(bundle, Hash256.Parse(v["trust"]));

        Assert.Equal("verified", v["expect"]);
        Assert.True(result.IsVerified, result.Reason);
        Assert.Equal(int.Parse(v["validator-set-changes"], System.Globalization.CultureInfo.InvariantCulture), result.ValidatorSetChanges);
        Assert.Equal(v["claims"], string.Join("; ", result.Claims.Select(c => BundleVerifier.Describe(c.Claim))));
        Assert.Equal(bundle.ToBytes(), Convert.FromHexString(v["bundle"]));
    }

    [Fact]
    public void The_documented_refutations_name_their_parts()
    {
        var v = Vectors[1];
        var bytes = Convert.FromHexString(v["bundle"]);
        var trust = Hash256.Parse(v["trust"]);
        var changed = (byte[])bytes.Clone();
        changed[^1] ^= 0x01;
        var otherTrust = v["trust"][..^1] + (v["trust"][^1] == '0' ? "1" : "0");
        var anchored = BundleVerifier.Verify(ProofBundle.Decode(bytes), trust);

        Assert.Equal($"claim 2 (transaction {Hash256.Compute([0x03]).ToShortString()} in block 1)", BundleVerifier.Verify(ProofBundle.Decode(changed), trust).Part);
        Assert.Equal("trust anchor", BundleVerifier.Verify(ProofBundle.Decode(bytes), Hash256.Parse(otherTrust)).Part);
        Assert.Null(DocumentCheck.Check(anchored, Hash256.Compute("hello, roundtable\n"u8)).Problem);
        Assert.NotNull(DocumentCheck.Check(anchored, Hash256.Compute("hello, roundtable"u8)).Problem);
        Assert.Contains($"| trust `{otherTrust}` instead | `trust anchor` |", ProofVectors.Document(), StringComparison.Ordinal);
    }

    private static string Hex(Action<CanonicalWriter> encode)
    {
        var writer = new CanonicalWriter();
        encode(writer);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }
}
