using Roundtable.Application.State;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class StateProofTests
{
    [Fact]
    public void A_proof_for_a_member_key_verifies_its_record_against_the_state_root()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var key = StateKeys.Member(member.PublicKey.Id);
        var value = chain.App.GetRaw(key)!;

        var proof = chain.App.Prove(key);

        Assert.True(proof.VerifyMembership(chain.App.StateRoot, key, value));
        Assert.False(proof.VerifyNonMembership(chain.App.StateRoot, key));
        var tampered = (byte[])value.Clone();
        tampered[^1] ^= 1;
        Assert.False(proof.VerifyMembership(chain.App.StateRoot, key, tampered));
        Assert.False(proof.VerifyMembership(chain.App.StateRoot, StateKeys.Member(TestChain.Founder("government", 0).PublicKey.Id), value));
    }

    [Fact]
    public void A_proof_for_a_founder_and_its_key_index_verifies_from_genesis()
    {
        var chain = new TestChain();
        var id = TestChain.Founder("technical", 1).PublicKey.Id;

        foreach (var key in new[] { StateKeys.Member(id), StateKeys.Key(id), StateKeys.Parameters, StateKeys.Validators })
        {
            Assert.True(chain.App.Prove(key).VerifyMembership(chain.App.StateRoot, key, chain.App.GetRaw(key)!));
        }
    }

    [Fact]
    public void A_proof_for_a_never_registered_member_key_verifies_non_membership()
    {
        var chain = new TestChain();
        chain.Register("member");
        var key = StateKeys.Member(TestKeys.Get("never-registered").PublicKey.Id);
        Assert.Null(chain.App.GetRaw(key));

        var proof = chain.App.Prove(key);

        Assert.True(proof.VerifyNonMembership(chain.App.StateRoot, key));
        Assert.False(proof.VerifyMembership(chain.App.StateRoot, key, [1, 2, 3]));
    }

    [Fact]
    public void A_proof_taken_before_a_change_of_the_record_no_longer_verifies_against_the_new_root()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var key = StateKeys.Member(member.PublicKey.Id);
        var oldValue = chain.App.GetRaw(key)!;
        var oldProof = chain.App.Prove(key);
        var oldRoot = chain.App.StateRoot;

        chain.RunOk(chain.Tx(member, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1)));

        Assert.True(oldProof.VerifyMembership(oldRoot, key, oldValue));
        Assert.False(oldProof.VerifyMembership(chain.App.StateRoot, key, oldValue));
        Assert.True(chain.App.Prove(key).VerifyMembership(chain.App.StateRoot, key, chain.App.GetRaw(key)!));
    }
}
