using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Identities;

namespace Roundtable.Application.Tests.Identities;

public sealed class TrustAnchorParametersTests
{
    private static readonly TestPki.Authority Root = TestPki.Root("Government PKI");

    [Fact]
    public void Parameters_without_trust_anchors_encode_exactly_as_before_so_existing_chains_still_open()
    {
        var withPasskeys = TestChain.MakeParameters();
        var bare = withPasskeys with { PasskeyRelyingParties = null };

        // The layout before trust anchors: … minValidatorGroups [‖ relying-party list when not empty]; nothing after.
        Assert.Equal(Canonical.ToBytes(withPasskeys), Canonical.ToBytes(withPasskeys with { TrustAnchors = [] }));
        Assert.Equal(Canonical.ToBytes(bare), Canonical.ToBytes(withPasskeys)[..Canonical.ToBytes(bare).Length]);
        Assert.Equal(withPasskeys, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(withPasskeys)));
        Assert.Equal(bare, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(bare)));
    }

    [Fact]
    public void Trust_anchors_follow_the_relying_party_list_which_is_then_written_even_when_empty()
    {
        var parameters = TestChain.MakeParameters() with { PasskeyRelyingParties = null, TrustAnchors = [TestPki.Anchor("government-pki", Root, "government")] };
        var bytes = Canonical.ToBytes(parameters);
        var bare = Canonical.ToBytes(parameters with { TrustAnchors = null });

        Assert.Equal(0, bytes[bare.Length]);
        var decoded = Canonical.FromBytes<ChainParameters>(bytes);
        Assert.Equal(parameters, decoded);
        Assert.Equal(Root.Der, decoded.FindAnchor("government-pki")!.Root);

        // An empty relying-party list with nothing after it is still the non-canonical form it always was.
        var error = Assert.Throws<DecodeException>(() => Canonical.FromBytes<ChainParameters>([.. bare, 0]));
        Assert.Equal(DecodeError.NonCanonical, error.Error);
    }

    [Fact]
    public void An_anchor_must_be_a_ca_certificate_for_known_groups()
    {
        var member = TestPki.Leaf(TestPki.Intermediate(Root, "Issuing"), TestKeys.Get("ada"), 1);
        Assert.Contains("CA", TestChain.MakeParameters().With(new TrustAnchor("leaf", [], member)).Validate(), StringComparison.Ordinal);
        Assert.Contains("known stakeholder groups", TestChain.MakeParameters().With(TestPki.Anchor("pki", Root, "farmers")).Validate(), StringComparison.Ordinal);
        Assert.Contains("not valid DER", TestChain.MakeParameters().With(new TrustAnchor("junk", [], [0x30, 0x00])).Validate(), StringComparison.Ordinal);
        Assert.Null(TestChain.MakeParameters().With(TestPki.Anchor("pki", Root, "civil-society", "government")).Validate());
    }

    [Fact]
    public void A_parameter_change_proposal_adds_a_trust_anchor_whose_certificates_then_verify()
    {
        var p = new ProposalChain();
        var member = p.Chain.Register("ada", group: "government");
        var issuing = TestPki.Intermediate(Root, "Government Issuing CA");
        AttestCertificate Attest() => new("government-pki", string.Empty, [TestPki.Leaf(issuing, member, 5), issuing.Der]);
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(member, Attest()), TxCode.NotFound);

        var changed = p.App.Parameters.With(TestPki.Anchor("government-pki", Root, "government"));
        var id = p.SubmitAndOpen(GovernanceMessages.ChangeParameters("Trust the government PKI", "# Government PKI for government members", changed, null));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        p.Chain.ExecuteAt(p.Proposal(id).DueMs);

        Assert.NotNull(p.App.Parameters.FindAnchor("government-pki"));
        p.Chain.RunOk(p.Chain.Tx(member, Attest()));
        Assert.Equal("government-pki", p.App.GetAffiliation(member.PublicKey.Id)!.Anchor);
    }
}

internal static class AnchorParameters
{
    public static ChainParameters With(this ChainParameters parameters, TrustAnchor anchor) => parameters with { TrustAnchors = [anchor] };
}
