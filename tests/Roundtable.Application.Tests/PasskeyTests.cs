using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;
using Roundtable.Tests.Support;

namespace Roundtable.Application.Tests;

/// <summary>Passkey members: their signatures are accepted only for the relying-party ids the parameters allow.</summary>
public sealed class PasskeyTests
{
    [Fact]
    public void A_passkey_member_registers_and_signs_on_a_chain_that_allows_its_site()
    {
        var chain = new TestChain();
        using var passkey = new SoftwarePasskey("localhost");

        chain.RunOk(chain.PasskeyTx(passkey, TestChain.Registration(name: "Phone")));
        var member = chain.Member(passkey.PublicKey.Id);
        Assert.True(member.Key.IsPasskey);
        chain.RunOk(chain.PasskeyTx(passkey, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1)));
        Assert.Single(chain.Member(passkey.PublicKey.Id).Guardians);
    }

    [Fact]
    public void A_passkey_made_for_another_site_is_refused_and_changes_nothing_not_even_the_sequence()
    {
        var chain = new TestChain();
        using var passkey = new SoftwarePasskey("localhost");
        chain.RunOk(chain.PasskeyTx(passkey, TestChain.Registration(name: "Phone")));

        passkey.RpId = "evil.example";
        var refused = chain.RefuseWithoutStateChange(chain.PasskeyTx(passkey, new RevokeKey()), TxCode.RelyingPartyNotAllowed);
        Assert.Contains("localhost", refused.Reason, StringComparison.Ordinal);
        Assert.True(chain.Member(passkey.PublicKey.Id).IsActive);

        using var stranger = new SoftwarePasskey("evil.example");
        chain.RefuseWithoutStateChange(chain.PasskeyTx(stranger, TestChain.Registration(name: "Stranger")), TxCode.RelyingPartyNotAllowed);
    }

    [Fact]
    public void A_passkey_signature_that_does_not_verify_is_BadSignature()
    {
        var chain = new TestChain();
        using var passkey = new SoftwarePasskey("localhost");
        var tx = chain.PasskeyTx(passkey, TestChain.Registration(name: "Phone"));
        var other = chain.PasskeyTx(passkey, TestChain.Registration(name: "Other"));
        var swapped = Ledger.Transactions.Transaction.FromParts(TestChain.Id, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message, other.Signature);

        chain.RefuseWithoutStateChange(swapped, TxCode.BadSignature);
    }

    [Fact]
    public void Rotating_onto_a_passkey_needs_a_possession_proof_from_an_allowed_site()
    {
        var chain = new TestChain();
        var key = chain.Register("rotator");
        var id = key.PublicKey.Id;
        using var elsewhere = new SoftwarePasskey("evil.example");
        var foreign = new RotateKey(elsewhere.PublicKey, elsewhere.Sign(RotateKey.PossessionPayload(TestChain.Id, id)));
        chain.RefuseConsumingSequence(chain.Tx(key, foreign), TxCode.RelyingPartyNotAllowed);

        using var passkey = new SoftwarePasskey("localhost");
        chain.RunOk(chain.Tx(key, new RotateKey(passkey.PublicKey, passkey.Sign(RotateKey.PossessionPayload(TestChain.Id, id)))));
        Assert.Equal(passkey.PublicKey, chain.Member(id).Key);
        chain.RunOk(chain.PasskeyTx(passkey, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1)));
    }

    [Fact]
    public void Without_relying_party_ids_the_parameters_encode_as_before_and_allow_no_passkey()
    {
        var without = TestChain.MakeParameters() with { PasskeyRelyingParties = null };
        var with = TestChain.MakeParameters();
        var bytes = Canonical.ToBytes(without);

        Assert.Equal(bytes, Canonical.ToBytes(without with { PasskeyRelyingParties = [] }));
        Assert.Equal(bytes, Canonical.ToBytes(with)[..bytes.Length]);
        Assert.Equal(without, Canonical.FromBytes<ChainParameters>(bytes));
        Assert.Equal(with, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(with)));
        Assert.Equal(["localhost"], Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(with)).RelyingParties);
        Assert.Equal(DecodeError.NonCanonical, Assert.Throws<DecodeException>(() => Canonical.FromBytes<ChainParameters>([.. bytes, 0x00])).Error);

        using var passkey = new SoftwarePasskey("localhost");
        var sig = passkey.Sign("m"u8);
        Assert.False(without.AllowsRelyingParty(sig.RelyingPartyIdHash));
        Assert.True(with.AllowsRelyingParty(sig.RelyingPartyIdHash));
        var refused = LedgerApplication.PasskeyRelyingPartyProblem(without, sig);
        Assert.Equal(TxCode.RelyingPartyNotAllowed, refused?.Code);
        Assert.Null(LedgerApplication.PasskeyRelyingPartyProblem(without, passkey.Ecdsa.Sign("m"u8)));
    }

    [Theory]
    [InlineData("upper case", new[] { "Localhost" })]
    [InlineData("a scheme", new[] { "https://example.org" })]
    [InlineData("a port", new[] { "localhost:8080" })]
    [InlineData("empty", new[] { "" })]
    [InlineData("a leading dot", new[] { ".example.org" })]
    [InlineData("unsorted", new[] { "localhost", "example.org" })]
    [InlineData("duplicate", new[] { "localhost", "localhost" })]
    public void Relying_party_ids_are_sorted_lower_case_host_names(string what, string[] ids)
    {
        Assert.True(TestChain.MakeParameters() with { PasskeyRelyingParties = ids } is var p && p.Validate() is not null, what);
        Assert.Null((TestChain.MakeParameters() with { PasskeyRelyingParties = ["example.org", "localhost", "portal.example-2.org"] }).Validate());
        var tooMany = Enumerable.Range(0, ChainParameters.MaxRelyingParties + 1).Select(i => $"site{i:D2}.example").ToArray();
        Assert.NotNull((TestChain.MakeParameters() with { PasskeyRelyingParties = tooMany }).Validate());
    }

    [Fact]
    public void A_parameter_change_can_allow_another_site()
    {
        var p = new ProposalChain();
        using var passkey = new SoftwarePasskey("portal.example.org");
        p.Chain.RefuseWithoutStateChange(p.Chain.PasskeyTx(passkey, TestChain.Registration(name: "Phone")), TxCode.RelyingPartyNotAllowed);

        var changed = p.App.Parameters with { PasskeyRelyingParties = ["localhost", "portal.example.org"] };
        var id = p.SubmitAndOpen(GovernanceMessages.ChangeParameters("Passkeys of the public portal", "# portal.example.org", changed, null));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        p.Chain.ExecuteAt(p.Proposal(id).DueMs);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);

        p.Chain.RunOk(p.Chain.PasskeyTx(passkey, TestChain.Registration(name: "Phone")));
    }
}
