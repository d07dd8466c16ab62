using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void A_new_key_registering_with_sequence_zero_becomes_a_member_holding_only_its_published_fields()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("alice");
        ProfileField[] profile = [new("gender", HeldValues.Disclose("gender", "female").Commitment), new("organisation", HeldValues.Disclose("organisation", "Internet Society").Commitment)];
        var keysBefore = chain.App.KeyCount;

        var result = chain.Execute(chain.Tx(key, new RegisterMember("Alice", "civil-society", "africa", profile), sequence: 0));

        Assert.True(result.Results[0].IsOk, result.Results[0].Reason);
        var id = key.PublicKey.Id;
        var expected = new MemberRecord(
            id, key.PublicKey, "Alice", "civil-society", "africa", profile, MemberStatus.Active,
            RegisteredAtHeight: result.Height, VerifiedAtHeight: 0, Attestations: [], Guardians: [], GuardianThreshold: 0, Sequence: 1);
        // Byte equality of the stored record: nothing but what the member published (plus bookkeeping) is kept.
        Assert.Equal(Canonical.ToBytes(expected), chain.App.GetRaw(StateKeys.Member(id)));
        Assert.Equal(new KeyOwner(id), Canonical.FromBytes<KeyOwner>(chain.App.GetRaw(StateKeys.Key(id))));
        Assert.Equal(keysBefore + 2 + profile.Length, chain.App.KeyCount);
        Assert.False(chain.Member(key).IsVerified);
        Assert.Equal(1UL, chain.App.DescribeSender(key.PublicKey).NextSequence);
        Assert.Null(chain.App.DescribeSender(key.PublicKey).Problem);
    }

    [Theory]
    [InlineData("no-such-group", "europe")]
    [InlineData("government", "antarctica")]
    public void Registration_naming_an_unknown_group_or_region_is_refused_as_InvalidArgument_without_state_change(string group, string region)
    {
        var chain = new TestChain();
        var key = TestKeys.Get("bob");

        chain.RefuseWithoutStateChange(chain.Tx(key, TestChain.Registration(group, region)), TxCode.InvalidArgument);

        Assert.Null(chain.App.GetMember(key.PublicKey.Id));
        Assert.Null(chain.App.GetRaw(StateKeys.Key(key.PublicKey.Id)));
    }

    [Fact]
    public void Registering_a_key_twice_is_refused_as_AlreadyExists_and_consumes_the_sequence()
    {
        var chain = new TestChain();
        var key = chain.Register("carol");
        var before = chain.Member(key);

        chain.RefuseConsumingSequence(chain.Tx(key, TestChain.Registration("technical", "asia-pacific", "Carol again")), TxCode.AlreadyExists);

        var after = chain.Member(key);
        Records.AssertSame(before with { Sequence = before.Sequence + 1 }, after);
    }

    [Fact]
    public void A_founder_registering_again_is_refused_as_AlreadyExists()
    {
        var chain = new TestChain();
        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("technical", 0), TestChain.Registration("technical")), TxCode.AlreadyExists);
    }

    [Fact]
    public void Registration_with_a_sequence_other_than_zero_is_refused_as_BadSequence()
    {
        var chain = new TestChain();
        chain.RefuseWithoutStateChange(chain.Tx(TestKeys.Get("dave"), TestChain.Registration(), sequence: 1), TxCode.BadSequence);
        Assert.Null(chain.App.GetMember(TestKeys.Get("dave").PublicKey.Id));
    }

    [Fact]
    public void The_first_transaction_of_an_unregistered_key_that_is_not_a_registration_is_UnknownSender()
    {
        var chain = new TestChain();
        var stranger = TestKeys.Get("stranger");

        chain.RefuseWithoutStateChange(chain.Tx(stranger, new RevokeKey(), sequence: 0), TxCode.UnknownSender);
        chain.RefuseWithoutStateChange(chain.Tx(stranger, new AttestAffiliation(TestChain.Founder("government", 0).PublicKey.Id), sequence: 0), TxCode.UnknownSender);

        Assert.Null(chain.App.GetRaw(StateKeys.Key(stranger.PublicKey.Id)));
    }

    [Fact]
    public void A_registration_and_a_follow_up_from_the_same_new_key_both_execute_in_one_block()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("erin");
        var register = chain.Tx(key, TestChain.Registration(), sequence: 0);
        var guardians = chain.Tx(key, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1), sequence: 1);

        var result = chain.Execute(register, guardians);

        Assert.All(result.Results, r => Assert.True(r.IsOk, r.Reason));
        Assert.Equal(2UL, chain.Member(key).Sequence);
        Assert.Single(chain.Member(key).Guardians);
    }
}
