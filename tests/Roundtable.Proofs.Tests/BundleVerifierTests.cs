using System.Text;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Validators;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Tests.Support;
using Roundtable.Proofs.Verification;

namespace Roundtable.Proofs.Tests;

public sealed class BundleVerifierTests
{
    [Fact]
    public void A_bundle_for_a_record_made_after_three_validator_set_changes_verifies_from_genesis()
    {
        var chain = Chains.WithThreeSetChanges();
        var bundle = Chains.Bundle(chain);

        var result = BundleVerifier.Verify(ProofBundle.Decode(bundle.ToBytes()), chain.Genesis.Hash);

        Assert.True(result.IsVerified, result.Reason);
        Assert.Equal(3, result.ValidatorSetChanges);
        Assert.Equal([3UL, 5, 7, 10], result.Headers.Select(h => h.Height));
        Assert.Equal(3, result.Claims.Count);
        Assert.Equal("the anchored record", Encoding.UTF8.GetString(((StateClaim)result.Claims[0].Claim).Value!));
        Assert.Null(((StateClaim)result.Claims[1].Claim).Value);
        var newest = result.Headers[^1];
        Assert.Equal(newest.TotalPower, newest.SignedPower);
        Assert.Equal(5, newest.Groups.Count);
    }

    [Fact]
    public void A_bundle_from_a_trusted_header_verifies_and_may_prove_the_trusted_header_itself()
    {
        var chain = Chains.WithThreeSetChanges();
        var fromBlock6 = Chains.Bundle(chain, trustHeight: 5);
        var atAnchor = new BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveTransaction(5, 0)], trustHeight: 5);

        var result = BundleVerifier.Verify(fromBlock6, chain.Read(5)!.Header.Id);
        var self = BundleVerifier.Verify(atAnchor, chain.Read(5)!.Header.Id);

        Assert.True(result.IsVerified, result.Reason);
        Assert.Equal(1, result.ValidatorSetChanges);
        Assert.True(self.IsVerified, self.Reason);
        Assert.Empty(atAnchor.Headers);
    }

    [Fact]
    public void A_trust_anchor_that_does_not_match_is_refused()
    {
        var chain = Chains.WithThreeSetChanges();

        var result = BundleVerifier.Verify(Chains.Bundle(chain), Hash256.Compute("another genesis"u8));

        Assert.False(result.IsVerified);
        Assert.Equal("trust anchor", result.Part);
    }

    [Fact]
    public void A_bundle_from_another_chain_is_refused_even_with_the_same_validators()
    {
        var ours = Chains.WithThreeSetChanges();
        var theirs = new SignedChain(chainId: "another-chain");
        theirs.AppendEmpty(3);
        var bundle = new BundleAssembler(theirs, theirs.Genesis).Assemble([theirs.ProveState(3, "anchor/abc")], null);

        var result = BundleVerifier.Verify(bundle, ours.Genesis.Hash);

        Assert.Equal(ours.Genesis.Validators.Hash, theirs.Genesis.Validators.Hash);
        Assert.False(result.IsVerified);
        Assert.Equal("trust anchor", result.Part);
    }

    [Theory]
    [InlineData(6, 4, false)] // 4 of 6 equal-power validators: exactly 2/3, not more
    [InlineData(6, 5, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    public void A_commit_needs_more_than_two_thirds_of_the_power(int validators, int signers, bool verifies)
    {
        // One group, so every validator holds the same power.
        var chain = new SignedChain(validators: 1);
        var set = new ValidatorSet(StakeholderPower.Assign(Enumerable.Range(0, validators).Select(i => chain.NewSet(validators, 9).Validators[i] with { StakeholderGroup = "technical" })));
        chain.ChangeValidatorsAt(3, set);
        chain.Signers = (height, s) => height >= 3 ? s.Validators.Take(signers) : s.Validators;
        chain.AppendEmpty(4);
        var bundle = new BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveState(4, "anything")], null);

        var result = BundleVerifier.Verify(bundle, chain.Genesis.Hash);

        Assert.Equal(verifies, result.IsVerified);
        if (!verifies)
        {
            Assert.Equal("header 4 commit", result.Part);
            Assert.Contains("not more than two thirds", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_is_tied_to_the_anchor_the_bundle_proves_and_a_changed_file_is_named_by_digest()
    {
        var document = "the minutes of the round table"u8.ToArray();
        var digest = Hash256.Compute(document);
        var chain = new SignedChain();
        chain.AppendAnchor(digest);
        chain.Append();
        var bundle = new BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveState(2, "anchor/" + digest)], null);
        var verified = BundleVerifier.Verify(bundle, chain.Genesis.Hash);
        var changed = (byte[])document.Clone();
        changed[0] ^= 1;

        var same = DocumentCheck.Check(verified, digest);
        var other = DocumentCheck.Check(verified, Hash256.Compute(changed));

        Assert.Null(same.Problem);
        Assert.Equal("Minutes of the round table", same.Anchor!.Record.Metadata.Title);
        Assert.Contains(Hash256.Compute(changed).ToString(), other.Problem, StringComparison.Ordinal);
        Assert.Contains(digest.ToString(), other.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_was_never_anchored_is_refused_by_a_non_membership_proof()
    {
        var digest = Hash256.Compute("never anchored"u8);
        var chain = new SignedChain();
        chain.AppendEmpty(2);
        var bundle = new BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveState(2, "anchor/" + digest)], null);

        var (anchor, problem) = DocumentCheck.Check(BundleVerifier.Verify(bundle, chain.Genesis.Hash), digest);

        Assert.Null(anchor);
        Assert.Contains("was not anchored as of block 2", problem, StringComparison.Ordinal);
    }
}
