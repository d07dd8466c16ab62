using System.Text;
using Roundtable.Application.Execution;
using Roundtable.Application.Identities;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Identities;

public sealed class CertificateAffiliationTests
{
    [Fact]
    public void A_certificate_chaining_to_the_named_anchor_verifies_the_affiliation_and_the_state_keeps_only_its_digest()
    {
        Assert.Equal(TestChain.GenesisTimeMs, (ulong)TestPki.Genesis.ToUnixTimeMilliseconds());
        var pki = new IdentityChain();
        Assert.False(pki.Chain.Member(pki.Member).IsVerified);
        var leaf = pki.Leaf();

        var block = pki.Chain.Execute(pki.Attest(leaf, pki.Issuing.Der));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        var affiliation = pki.Affiliation!;
        Assert.Equal(IdentityChain.Anchor, affiliation.Anchor);
        Assert.Equal(IdentityChain.Organisation, affiliation.Organisation);
        Assert.Equal(Hash256.Compute(leaf), affiliation.CertificateDigest);
        Assert.Equal((ulong)TestPki.Until.ToUnixTimeMilliseconds(), affiliation.NotAfterMs);
        Assert.Equal(block.Height, affiliation.VerifiedAtHeight);
        Assert.Equal(AffiliationStatus.Verified, affiliation.StatusAt(pki.App.LastBlockTimeMs, pki.App.Parameters));
        Assert.Equal(block.Height, pki.Chain.Member(pki.Member).VerifiedAtHeight);

        // No personal data from the certificate is frozen on chain: neither the certificate nor the subject's name.
        var holder = Encoding.UTF8.GetBytes("Ada Lovelace");
        Assert.DoesNotContain(pki.App.ExportOrdered(), e => e.Value.AsSpan().IndexOf(holder) >= 0 || e.Value.AsSpan().IndexOf(leaf) >= 0);
    }

    [Fact]
    public void The_member_may_publish_no_organisation_and_the_affiliation_still_verifies()
    {
        var pki = new IdentityChain();
        pki.Chain.RunOk(pki.Attest(string.Empty, pki.Leaf(), pki.Issuing.Der));
        Assert.Equal(string.Empty, pki.Affiliation!.Organisation);
    }

    [Fact]
    public void An_expired_certificate_is_refused()
    {
        var pki = new IdentityChain();
        var leaf = pki.Leaf(from: TestPki.Genesis.AddDays(-30), until: TestPki.Genesis.AddDays(-2));
        AssertRefused(pki, pki.Attest(leaf, pki.Issuing.Der), "expired");
    }

    [Fact]
    public void A_certificate_not_valid_yet_at_the_blocks_time_is_refused()
    {
        var pki = new IdentityChain();
        var leaf = pki.Leaf(from: TestPki.Genesis.AddDays(30));
        AssertRefused(pki, pki.Attest(leaf, pki.Issuing.Der), "not valid yet");
    }

    [Fact]
    public void A_certificate_from_another_ca_does_not_chain_to_the_anchor()
    {
        var pki = new IdentityChain();
        var other = TestPki.Intermediate(TestPki.Root("Other Root"), "Other Issuing CA");
        AssertRefused(pki, pki.Attest(TestPki.Leaf(other, pki.Member, 7), other.Der), "does not chain");
    }

    [Fact]
    public void An_impostor_ca_with_the_anchors_name_but_another_key_is_refused_by_the_signature()
    {
        var pki = new IdentityChain();
        var impostorRoot = TestPki.Root("University Root");
        var impostor = TestPki.Intermediate(impostorRoot, "University Issuing CA", rsa: true);
        AssertRefused(pki, pki.Attest(TestPki.Leaf(impostor, pki.Member, 7), impostor.Der), "does not verify");
    }

    [Fact]
    public void A_certificate_whose_issuer_is_not_a_ca_is_refused()
    {
        var pki = new IdentityChain();
        var notCa = TestPki.Intermediate(pki.Root, "University Helpdesk", isCa: false);
        AssertRefused(pki, pki.Attest(TestPki.Leaf(notCa, pki.Member, 7), notCa.Der), "not a certificate authority");
    }

    [Fact]
    public void A_path_longer_than_the_roots_path_length_allows_is_refused()
    {
        var pki = new IdentityChain(TestPki.Root("University Root", pathLength: 0));
        AssertRefused(pki, pki.Attest(pki.Leaf(), pki.Issuing.Der), "allows at most 0");
    }

    [Fact]
    public void A_certificate_with_a_bad_signature_is_refused()
    {
        var pki = new IdentityChain();
        var leaf = pki.Leaf();
        leaf[^1] ^= 0x01;
        AssertRefused(pki, pki.Attest(leaf, pki.Issuing.Der), "does not verify");
    }

    [Fact]
    public void A_certificate_for_another_key_does_not_bind_the_sender()
    {
        var pki = new IdentityChain();
        var leaf = TestPki.Leaf(pki.Issuing, TestKeys.Get("someone-else"), 7);
        AssertRefused(pki, pki.Attest(leaf, pki.Issuing.Der), "not for your key");
    }

    [Fact]
    public void An_organisation_the_certificate_does_not_name_is_refused()
    {
        var pki = new IdentityChain();
        AssertRefused(pki, pki.Attest("Another University", pki.Leaf(), pki.Issuing.Der), "no organisation");
    }

    [Fact]
    public void Bytes_that_are_not_a_der_certificate_are_refused()
    {
        var pki = new IdentityChain();
        AssertRefused(pki, pki.Attest([0x30, 0x03, 0x02, 0x01], pki.Issuing.Der), "not valid DER");
    }

    [Fact]
    public void An_anchor_that_does_not_vouch_for_the_members_group_is_unauthorized()
    {
        var pki = new IdentityChain(null, "technical");
        pki.Chain.RefuseConsumingSequence(pki.Attest(pki.Leaf(), pki.Issuing.Der), TxCode.Unauthorized);
        Assert.Null(pki.Affiliation);
    }

    [Fact]
    public void A_trust_anchor_the_parameters_do_not_name_is_not_found()
    {
        var pki = new IdentityChain();
        var tx = pki.Chain.Tx(pki.Member, new Ledger.Messages.Identities.AttestCertificate("government-pki", string.Empty, [pki.Leaf(), pki.Issuing.Der]));
        pki.Chain.RefuseConsumingSequence(tx, TxCode.NotFound);
    }

    [Fact]
    public void The_affiliation_reads_as_expired_after_not_after_and_the_member_is_no_longer_verified()
    {
        var pki = new IdentityChain();
        var leaf = pki.Leaf(until: TestPki.Genesis.AddMinutes(1));
        pki.Chain.RunOk(pki.Attest(leaf, pki.Issuing.Der));
        Assert.True(pki.Chain.Member(pki.Member).IsVerified);

        pki.Chain.ExecuteAt(TestChain.GenesisTimeMs + 60_000);
        Assert.Equal(AffiliationStatus.Verified, pki.Affiliation!.StatusAt(pki.App.LastBlockTimeMs, pki.App.Parameters));
        Assert.True(pki.Chain.Member(pki.Member).IsVerified);

        pki.Chain.ExecuteAt(TestChain.GenesisTimeMs + 61_000);
        Assert.Equal(AffiliationStatus.Expired, pki.Affiliation!.StatusAt(pki.App.LastBlockTimeMs, pki.App.Parameters));
        Assert.False(pki.Chain.Member(pki.Member).IsVerified);
    }

    [Fact]
    public void A_newer_certificate_replaces_the_affiliation_and_a_serial_already_used_for_another_member_is_refused()
    {
        var pki = new IdentityChain();
        pki.AttestOk();
        var renewed = TestPki.Leaf(pki.Issuing, pki.Member, 8, until: TestPki.Until.AddYears(1));
        pki.Chain.RunOk(pki.Attest(renewed, pki.Issuing.Der));
        var other = pki.Chain.Register("grace", group: "civil-society");
        var reused = TestPki.Leaf(pki.Issuing, other, 8);

        pki.Chain.RefuseConsumingSequence(pki.Chain.Tx(other, new Ledger.Messages.Identities.AttestCertificate(IdentityChain.Anchor, string.Empty, [reused, pki.Issuing.Der])), TxCode.AlreadyExists);

        Assert.Equal(Hash256.Compute(renewed), pki.Affiliation!.CertificateDigest);
        Assert.Equal((ulong)TestPki.Until.AddYears(1).ToUnixTimeMilliseconds(), pki.Affiliation.NotAfterMs);
        Assert.Null(pki.App.GetAffiliation(other.PublicKey.Id));
    }

    private static void AssertRefused(IdentityChain pki, Ledger.Transactions.Transaction tx, string reason)
    {
        var result = pki.Chain.RefuseConsumingSequence(tx, TxCode.CertificateRefused);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Null(pki.Affiliation);
        Assert.False(pki.Chain.Member(pki.Member).IsVerified);
    }
}
