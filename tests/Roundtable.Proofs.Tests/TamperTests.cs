using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Merkle;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Tests.Support;
using Roundtable.Proofs.Verification;

namespace Roundtable.Proofs.Tests;

/// <summary>Every part of a bundle, changed: each change is refused with a reason naming that part.</summary>
public sealed class TamperTests
{
    private static readonly SignedChain Chain = Chains.WithThreeSetChanges();
    private static readonly ProofBundle Original = Chains.Bundle(Chain);

    public static TheoryData<string> Tamperings => [.. Tampered().Select(t => t.Name)];

    [Fact]
    public void The_untouched_bundle_verifies()
    {
        Assert.True(BundleVerifier.Verify(Original, Chain.Genesis.Hash).IsVerified);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Each_tampered_part_is_refused_with_a_reason_naming_it(string name)
    {
        var (_, bundle, part) = Tampered().Single(t => t.Name == name);

        var result = BundleVerifier.Verify(bundle, Chain.Genesis.Hash);

        Assert.False(result.IsVerified, name);
        Assert.Equal(part, result.Part);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Every_single_byte_change_of_an_encoded_bundle_fails_to_decode_or_is_refused()
    {
        var chain = new SignedChain(validators: 2);
        chain.ChangeValidatorsAt(3, chain.NewSet(2, keySeed: 5));
        chain.Append(transactions: [[1], [2, 2]], writes: [("anchor/x", "v")]);
        chain.AppendEmpty(2);
        var bytes = new Building.BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveState(3, "anchor/x"), chain.ProveTransaction(1, 1)], null).ToBytes();

        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x20;
            ProofBundle decoded;
            try
            {
                decoded = ProofBundle.Decode(changed);
            }
            catch (DecodeException)
            {
                continue;
            }

            Assert.False(BundleVerifier.Verify(decoded, chain.Genesis.Hash).IsVerified, $"byte {i} of {bytes.Length} changed and the bundle still verified");
        }
    }

    private static IEnumerable<(string Name, ProofBundle Bundle, string Part)> Tampered()
    {
        var record = (StateClaim)Original.Claims[0];
        yield return ("record value", With(claims: [record with { Value = "another record"u8.ToArray() }, .. Original.Claims.Skip(1)]), "claim 1 (state key anchor/abc at block 10)");
        yield return ("record key", With(claims: [record with { Key = "anchor/abd"u8.ToArray() }, .. Original.Claims.Skip(1)]), "claim 1 (state key anchor/abd at block 10)");
        for (var i = 0; i < record.Proof.Siblings.Count; i++)
        {
            var siblings = record.Proof.Siblings.ToArray();
            siblings[i] = Flip(siblings[i]);
            yield return ($"state path step {i}", With(claims: [record with { Proof = new StateProof(record.Proof.Leaf, siblings) }, .. Original.Claims.Skip(1)]), "claim 1 (state key anchor/abc at block 10)");
        }

        var tx = (TransactionClaim)Original.Claims[2];
        var txPart = $"claim 3 (transaction {Hash256.Compute(tx.Transaction).ToShortString()} in block 5)";
        for (var i = 0; i < tx.Path.Path.Count; i++)
        {
            var path = tx.Path.Path.ToArray();
            path[i] = Flip(path[i]);
            yield return ($"transaction path step {i}", With(claims: [.. Original.Claims.Take(2), tx with { Path = new InclusionProof(tx.Path.LeafIndex, tx.Path.TreeSize, path) }]), txPart);
        }

        yield return ("transaction leaf index", With(claims: [.. Original.Claims.Take(2), tx with { Path = new InclusionProof(tx.Path.LeafIndex - 1, tx.Path.TreeSize, tx.Path.Path) }]), txPart);
        var otherTx = new byte[] { 7, 8, 9, 11 };
        yield return ("transaction bytes", With(claims: [.. Original.Claims.Take(2), tx with { Transaction = otherTx }]), $"claim 3 (transaction {Hash256.Compute(otherTx).ToShortString()} in block 5)");

        for (var n = 0; n < Original.Headers.Count; n++)
        {
            var entry = Original.Headers[n];
            var h = entry.Header;
            var commitPart = $"header {h.Height} commit";
            yield return ($"header {h.Height} time", WithHeader(n, entry with { Header = h with { TimeMs = h.TimeMs + 1 } }), commitPart);
            yield return ($"header {h.Height} previous block", WithHeader(n, entry with { Header = h with { PreviousBlockId = Flip(h.PreviousBlockId) } }), commitPart);
            yield return ($"header {h.Height} transaction root", WithHeader(n, entry with { Header = h with { TxRoot = Flip(h.TxRoot) } }), commitPart);
            yield return ($"header {h.Height} evidence root", WithHeader(n, entry with { Header = h with { EvidenceRoot = Flip(h.EvidenceRoot) } }), commitPart);
            yield return ($"header {h.Height} state root", WithHeader(n, entry with { Header = h with { StateRoot = Flip(h.StateRoot) } }), commitPart);
            yield return ($"header {h.Height} proposer", WithHeader(n, entry with { Header = h with { Proposer = Chain.Genesis.Validators.Validators.First(v => !v.Key.Equals(h.Proposer)).Key } }), commitPart);
            yield return ($"header {h.Height} chain id", WithHeader(n, entry with { Header = h with { ChainId = "proof-test-2" } }), $"header {h.Height}");
            yield return ($"header {h.Height} validator set", WithHeader(n, entry with { Header = h with { ValidatorSetHash = Flip(h.ValidatorSetHash) } }), $"validator-set link before header {h.Height}");
            if (!entry.ChangesValidators)
            {
                yield return ($"header {h.Height} next validator set", WithHeader(n, entry with { Header = h with { NextValidatorSetHash = Flip(h.NextValidatorSetHash) } }), commitPart);
            }

            for (var s = 0; s < entry.Commit.Signatures.Count; s++)
            {
                var signatures = entry.Commit.Signatures.ToArray();
                signatures[s] = signatures[s] with { TimestampMs = signatures[s].TimestampMs + 1 };
                yield return ($"header {h.Height} signature {s + 1}", WithHeader(n, entry with { Commit = new Commit(h.Height, 0, h.Id, signatures) }), commitPart);
            }

            if (entry.ChangesValidators)
            {
                var wrongSet = Chain.NewSet(2, keySeed: 99);
                yield return ($"header {h.Height} link: another new set", WithHeader(n, entry with { NextValidators = wrongSet }), $"validator-set link at header {h.Height}");
                var dropped = Original.Headers.Where((_, i) => i != n).ToList();
                var following = Original.Headers[n + 1].Header.Height;
                yield return ($"header {h.Height} link: dropped", With(headers: dropped), $"validator-set link before header {following}");
            }
        }
    }

    private static ProofBundle With(IReadOnlyList<CommittedHeader>? headers = null, IReadOnlyList<ProofClaim>? claims = null) =>
        new(Original.ChainId, Original.Anchor, headers ?? Original.Headers, claims ?? Original.Claims);

    private static ProofBundle WithHeader(int index, CommittedHeader entry) =>
        With(headers: [.. Original.Headers.Select((h, i) => i == index ? entry : h)]);

    private static Hash256 Flip(Hash256 hash)
    {
        var bytes = hash.ToArray();
        bytes[31] ^= 1;
        return Hash256.FromBytes(bytes);
    }
}
