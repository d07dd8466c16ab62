using Roundtable.Application.Execution;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class AttestationTests
{
    private static AttestAffiliation Attest(Roundtable.Core.Crypto.PrivateKey member) => new(member.PublicKey.Id);

    [Fact]
    public void Two_attestations_from_verified_members_of_the_same_group_verify_the_member_at_the_second_ones_height()
    {
        var chain = new TestChain(attestationsRequired: 2);
        var newcomer = chain.Register("newcomer", group: "government");
        var first = TestChain.Founder("government", 0);
        var second = TestChain.Founder("government", 1);

        chain.RunOk(chain.Tx(first, Attest(newcomer)));
        Assert.False(chain.Member(newcomer).IsVerified);
        Assert.Equal([first.PublicKey.Id], chain.Member(newcomer).Attestations);

        var block = chain.Execute(chain.Tx(second, Attest(newcomer)));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        var record = chain.Member(newcomer);
        Assert.True(record.IsVerified);
        Assert.Equal(block.Height, record.VerifiedAtHeight);
        Hash256[] both = [first.PublicKey.Id, second.PublicKey.Id];
        Assert.Equal(both.Order(), record.Attestations);
    }

    [Fact]
    public void A_member_verified_by_attestation_can_attest_others_of_its_group()
    {
        var chain = new TestChain(attestationsRequired: 1);
        var a = chain.Register("a", group: "technical");
        chain.RunOk(chain.Tx(TestChain.Founder("technical", 0), Attest(a)));
        var b = chain.Register("b", group: "technical");

        chain.RunOk(chain.Tx(a, Attest(b)));

        Assert.True(chain.Member(b).IsVerified);
    }

    [Fact]
    public void Attestation_from_a_verified_member_of_another_group_is_Unauthorized()
    {
        var chain = new TestChain();
        var newcomer = chain.Register("newcomer", group: "government");

        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("private-sector", 0), Attest(newcomer)), TxCode.Unauthorized);

        Assert.Empty(chain.Member(newcomer).Attestations);
    }

    [Fact]
    public void Attestation_from_an_unverified_member_of_the_same_group_is_Unauthorized()
    {
        var chain = new TestChain();
        var newcomer = chain.Register("newcomer", group: "government");
        var unverified = chain.Register("unverified", group: "government");

        chain.RefuseConsumingSequence(chain.Tx(unverified, Attest(newcomer)), TxCode.Unauthorized);

        Assert.Empty(chain.Member(newcomer).Attestations);
    }

    [Fact]
    public void Self_attestation_is_Unauthorized_even_for_a_verified_member()
    {
        // Without the self check a verified member would get AlreadyExists instead.
        var chain = new TestChain();
        var founder = TestChain.Founder("civil-society", 0);

        chain.RefuseConsumingSequence(chain.Tx(founder, Attest(founder)), TxCode.Unauthorized);
    }

    [Fact]
    public void Attesting_the_same_member_twice_is_AlreadyExists_and_does_not_count_twice()
    {
        var chain = new TestChain(attestationsRequired: 2);
        var newcomer = chain.Register("newcomer", group: "intergovernmental");
        var founder = TestChain.Founder("intergovernmental", 0);
        chain.RunOk(chain.Tx(founder, Attest(newcomer)));

        chain.RefuseConsumingSequence(chain.Tx(founder, Attest(newcomer)), TxCode.AlreadyExists);

        Assert.False(chain.Member(newcomer).IsVerified);
        Assert.Single(chain.Member(newcomer).Attestations);
    }

    [Fact]
    public void Attesting_an_already_verified_member_is_AlreadyExists()
    {
        var chain = new TestChain();
        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("government", 0), Attest(TestChain.Founder("government", 1))), TxCode.AlreadyExists);
    }

    [Fact]
    public void Attesting_a_member_that_does_not_exist_is_NotFound()
    {
        var chain = new TestChain();
        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("government", 0), Attest(TestKeys.Get("nobody"))), TxCode.NotFound);
    }

    [Fact]
    public void Open_admission_verifies_a_member_at_its_registration_height()
    {
        var chain = new TestChain(admission: AdmissionRule.Open, attestationsRequired: 0);
        var key = TestKeys.Get("open");

        var block = chain.Execute(chain.Tx(key, TestChain.Registration("technical", "latin-america")));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        Assert.Equal(block.Height, chain.Member(key).VerifiedAtHeight);
        Assert.Empty(chain.Member(key).Attestations);
    }

    [Fact]
    public void Attestation_admission_leaves_a_new_member_unverified_at_registration()
    {
        var chain = new TestChain(admission: AdmissionRule.Attestation, attestationsRequired: 1);
        var key = chain.Register("pending");
        Assert.Equal(0UL, chain.Member(key).VerifiedAtHeight);
    }
}
