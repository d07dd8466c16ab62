using Roundtable.Application.Execution;
using Roundtable.Application.State;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class KeyRotationTests
{
    internal static RotateKey Rotation(Hash256 member, PrivateKey newKey, PrivateKey? prover = null, string chainId = TestChain.Id) =>
        new(newKey.PublicKey, (prover ?? newKey).Sign(RotateKey.PossessionPayload(chainId, member)));

    [Fact]
    public void After_rotation_the_new_key_signs_for_the_member_and_the_old_key_gets_KeyNotCurrent()
    {
        var chain = new TestChain();
        var oldKey = chain.Register("rotator");
        var newKey = TestKeys.Get("rotator/new");
        var id = oldKey.PublicKey.Id;

        chain.RunOk(chain.Tx(oldKey, Rotation(id, newKey)));

        var record = chain.Member(id);
        Assert.Equal(newKey.PublicKey, record.Key);
        Assert.Equal(id, record.Id);
        Assert.Null(chain.App.GetMember(newKey.PublicKey.Id));
        // The new key continues the member's sequence.
        Assert.Equal(record.Sequence, chain.App.DescribeSender(newKey.PublicKey).NextSequence);
        chain.RunOk(chain.Tx(newKey, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1)));
        Assert.Single(chain.Member(id).Guardians);

        Assert.Equal(TxCode.KeyNotCurrent, chain.App.DescribeSender(oldKey.PublicKey).Problem?.Code);
        chain.RefuseWithoutStateChange(chain.Tx(oldKey, new RevokeKey(), sequence: chain.Member(id).Sequence), TxCode.KeyNotCurrent);
        Assert.True(chain.Member(id).IsActive);
    }

    [Fact]
    public void A_retired_key_cannot_register_a_new_member()
    {
        var chain = new TestChain();
        var oldKey = chain.Register("rotator");
        var id = oldKey.PublicKey.Id;
        chain.RunOk(chain.Tx(oldKey, Rotation(id, TestKeys.Get("rotator/new"))));

        chain.RefuseWithoutStateChange(chain.Tx(oldKey, TestChain.Registration("technical", "asia-pacific", "Rotator again"), sequence: 0), TxCode.KeyNotCurrent);

        Assert.Equal(TestKeys.Get("rotator/new").PublicKey, chain.Member(id).Key);
    }

    [Fact]
    public void A_possession_proof_signed_by_a_different_key_is_BadSignature()
    {
        var chain = new TestChain();
        var member = chain.Register("victim");
        var claimed = TestKeys.Get("someone-elses-key");

        chain.RefuseConsumingSequence(chain.Tx(member, Rotation(member.PublicKey.Id, claimed, prover: TestKeys.Get("attacker"))), TxCode.BadSignature);

        Assert.Equal(member.PublicKey, chain.Member(member).Key);
        Assert.Null(chain.App.GetRaw(StateKeys.Key(claimed.PublicKey.Id)));
    }

    [Fact]
    public void A_possession_proof_made_for_another_member_or_chain_is_BadSignature()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var newKey = TestKeys.Get("member/new");

        chain.RefuseConsumingSequence(chain.Tx(member, Rotation(TestChain.Founder("government", 0).PublicKey.Id, newKey)), TxCode.BadSignature);
        chain.RefuseConsumingSequence(chain.Tx(member, Rotation(member.PublicKey.Id, newKey, chainId: "other-chain")), TxCode.BadSignature);
    }

    [Fact]
    public void Rotating_to_a_key_of_another_member_is_AlreadyExists()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var taken = TestChain.Founder("technical", 0);

        chain.RefuseConsumingSequence(chain.Tx(member, Rotation(member.PublicKey.Id, taken)), TxCode.AlreadyExists);
    }

    [Fact]
    public void Rotating_back_to_a_retired_key_is_AlreadyExists()
    {
        var chain = new TestChain();
        var first = chain.Register("member");
        var second = TestKeys.Get("member/second");
        var id = first.PublicKey.Id;
        chain.RunOk(chain.Tx(first, Rotation(id, second)));

        chain.RefuseConsumingSequence(chain.Tx(second, Rotation(id, first)), TxCode.AlreadyExists);

        Assert.Equal(second.PublicKey, chain.Member(id).Key);
    }

    [Fact]
    public void Rotating_to_a_point_off_the_curve_is_InvalidArgument()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var rotation = new RotateKey(TestKeys.OffCurve, member.Sign(RotateKey.PossessionPayload(TestChain.Id, member.PublicKey.Id)));

        chain.RefuseConsumingSequence(chain.Tx(member, rotation), TxCode.InvalidArgument);
    }
}
