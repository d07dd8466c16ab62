using Roundtable.Application.Execution;
using Roundtable.Application.Identities;
using Roundtable.Application.Tests.Support;

namespace Roundtable.Application.Tests.Identities;

public sealed class RevocationListTests
{
    private static readonly DateTimeOffset Issued = TestPki.Genesis.AddMinutes(-10);

    [Fact]
    public void A_crl_of_the_issuing_ca_revokes_the_affiliation_from_its_height_on_and_not_before()
    {
        var pki = new IdentityChain();
        var leaf = pki.AttestOk();
        pki.Chain.Execute();
        var poster = TestChain.Founder("technical", 0);

        var block = pki.Chain.Execute(pki.PostCrl(poster, TestPki.Crl(pki.Issuing, Issued, 3, 7), pki.Issuing.Der));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        var revoked = pki.Affiliation!;
        Assert.Equal(block.Height, revoked.RevokedAtHeight);
        Assert.Equal(AffiliationStatus.Revoked, revoked.StatusAt(pki.App.LastBlockTimeMs, pki.App.Parameters));
        Assert.False(pki.Chain.Member(pki.Member).IsVerified);

        var before = pki.Chain.Replay((int)block.Height - 1);
        Assert.Equal(0UL, before.GetAffiliation(pki.Member.PublicKey.Id)!.RevokedAtHeight);
        Assert.True(before.GetMember(pki.Member.PublicKey.Id)!.IsVerified);

        var again = pki.Chain.RefuseConsumingSequence(pki.Attest(leaf, pki.Issuing.Der), TxCode.CertificateRefused);
        Assert.Contains($"revoked by its issuer's revocation list at height {block.Height}", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_that_does_not_list_the_serial_leaves_the_affiliation_verified()
    {
        var pki = new IdentityChain();
        pki.AttestOk();
        pki.Chain.RunOk(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued, 3, 4), pki.Issuing.Der));
        Assert.Equal(0UL, pki.Affiliation!.RevokedAtHeight);
        Assert.True(pki.Chain.Member(pki.Member).IsVerified);
    }

    [Fact]
    public void A_crl_signed_by_the_anchors_root_is_accepted_without_issuer_certificates()
    {
        var pki = new IdentityChain();
        pki.Chain.RunOk(pki.PostCrl(pki.Member, TestPki.Crl(pki.Root, Issued, 9)));
    }

    [Fact]
    public void A_crl_not_signed_by_the_anchor_or_its_intermediates_is_refused()
    {
        var pki = new IdentityChain();
        pki.AttestOk();
        var other = TestPki.Root("Other Root", rsa: true);
        var forged = pki.Issuing with { Signer = other.Signer };

        var result = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(forged, Issued, 7), pki.Issuing.Der), TxCode.CertificateRefused);

        Assert.Contains("revocation list's signature does not verify", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0UL, pki.Affiliation!.RevokedAtHeight);
    }

    [Fact]
    public void A_crl_whose_signer_does_not_chain_to_the_anchor_is_refused()
    {
        var pki = new IdentityChain();
        var other = TestPki.Intermediate(TestPki.Root("Other Root"), "Other Issuing CA");
        var result = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(other, Issued, 7), other.Der), TxCode.CertificateRefused);
        Assert.Contains("does not chain", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_older_than_or_as_old_as_the_last_one_posted_for_its_issuer_is_refused()
    {
        var pki = new IdentityChain();
        pki.Chain.RunOk(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued), pki.Issuing.Der));

        var older = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued.AddHours(-1), 7), pki.Issuing.Der), TxCode.CertificateRefused);
        var same = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued, 7), pki.Issuing.Der), TxCode.CertificateRefused);

        Assert.Contains("not newer", older.Reason, StringComparison.Ordinal);
        Assert.Contains("not newer", same.Reason, StringComparison.Ordinal);
        pki.Chain.RunOk(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued.AddMinutes(5), 7), pki.Issuing.Der));
    }

    [Fact]
    public void A_crl_issued_after_the_blocks_time_is_refused()
    {
        var pki = new IdentityChain();
        var result = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, TestPki.Genesis.AddDays(1), 7), pki.Issuing.Der), TxCode.CertificateRefused);
        Assert.Contains("after the block's time", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_issued_before_1970_is_refused_rather_than_read_as_a_huge_unsigned_time()
    {
        var pki = new IdentityChain();
        var result = pki.Chain.RefuseConsumingSequence(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, DateTimeOffset.FromUnixTimeSeconds(-86_400), 7), pki.Issuing.Der), TxCode.CertificateRefused);
        Assert.Contains("before 1970", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_applications_fed_the_same_blocks_reach_the_same_state_root()
    {
        var pki = new IdentityChain();
        pki.AttestOk();
        pki.Chain.RunOk(pki.PostCrl(pki.Member, TestPki.Crl(pki.Issuing, Issued, 7), pki.Issuing.Der));
        pki.Chain.ExecuteAt(TestChain.GenesisTimeMs + 600_000);

        Assert.Equal(pki.App.StateRoot, pki.Chain.Replay().StateRoot);
    }
}
