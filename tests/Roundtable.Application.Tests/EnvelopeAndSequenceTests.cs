using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application.Tests;

public sealed class EnvelopeAndSequenceTests
{
    private static readonly SetGuardians NoGuardians = new([], 0);

    [Fact]
    public void After_RevokeKey_the_key_cannot_sign_anything()
    {
        var chain = new TestChain();
        var member = chain.Register("revoker");

        chain.RunOk(chain.Tx(member, new RevokeKey()));

        var record = chain.Member(member);
        Assert.Equal(MemberStatus.KeyRevoked, record.Status);
        Assert.Equal(TxCode.KeyNotCurrent, chain.App.DescribeSender(member.PublicKey).Problem?.Code);
        chain.RefuseWithoutStateChange(chain.Tx(member, NoGuardians, sequence: record.Sequence), TxCode.KeyNotCurrent);
        chain.RefuseWithoutStateChange(chain.Tx(member, new CancelRecovery(), sequence: record.Sequence), TxCode.KeyNotCurrent);
    }

    [Fact]
    public void How_the_state_sees_a_sender_follows_every_block_after_it_was_asked()
    {
        var chain = new TestChain();
        var member = chain.Register("asked-early");
        var before = chain.App.DescribeSender(member.PublicKey);
        Assert.Null(before.Problem);

        chain.RunOk(chain.Tx(member, NoGuardians));
        Assert.Equal(before.NextSequence + 1, chain.App.DescribeSender(member.PublicKey).NextSequence);

        chain.RunOk(chain.Tx(member, new RevokeKey()));
        Assert.Equal(TxCode.KeyNotCurrent, chain.App.DescribeSender(member.PublicKey).Problem?.Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(100)]
    public void A_sequence_other_than_the_next_one_is_BadSequence_and_changes_nothing(int offset)
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        chain.RunOk(chain.Tx(member, NoGuardians));
        var next = chain.Member(member).Sequence;

        chain.RefuseWithoutStateChange(chain.Tx(member, NoGuardians, sequence: (ulong)((long)next + offset)), TxCode.BadSequence);

        Assert.Equal(next, chain.Member(member).Sequence);
    }

    [Fact]
    public void A_refused_message_consumes_its_sequence_so_the_same_bytes_replayed_later_are_BadSequence()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        // Refused now (not a member yet), but would succeed once the guardian exists.
        var guardian = TestKeys.Get("future-guardian");
        var tx = chain.Tx(member, new SetGuardians([guardian.PublicKey.Id], 1));
        var sequence = chain.Member(member).Sequence;

        chain.RefuseConsumingSequence(tx, TxCode.NotFound);
        Assert.Equal(sequence + 1, chain.Member(member).Sequence);
        chain.Register("future-guardian");

        chain.RefuseWithoutStateChange(Transaction.Decode(tx.Encoded), TxCode.BadSequence);
        Assert.Empty(chain.Member(member).Guardians);
    }

    [Fact]
    public void A_successful_transaction_replayed_later_is_BadSequence()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var tx = chain.Tx(member, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1));
        chain.RunOk(tx);

        chain.RefuseWithoutStateChange(tx, TxCode.BadSequence);
    }

    [Fact]
    public void A_replayed_registration_is_BadSequence()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("member");
        var registration = chain.Tx(key, TestChain.Registration());
        chain.RunOk(registration);

        chain.RefuseWithoutStateChange(registration, TxCode.BadSequence);
    }

    [Fact]
    public void Two_transactions_of_one_sender_in_one_block_must_come_in_sequence_order()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var next = chain.Member(member).Sequence;
        var first = chain.Tx(member, NoGuardians, sequence: next);
        var second = chain.Tx(member, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1), sequence: next + 1);

        var reversed = chain.Execute(second, first);

        Assert.Equal(TxCode.BadSequence, reversed.Results[0].Code);
        Assert.Equal(TxCode.Ok, reversed.Results[1].Code);
        Assert.Equal(next + 1, chain.Member(member).Sequence);
        Assert.Empty(chain.Member(member).Guardians);
    }

    [Fact]
    public void A_transaction_past_its_expiry_height_is_Expired()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        chain.Execute();
        Assert.Equal(2UL, chain.App.Height);

        chain.RefuseWithoutStateChange(chain.Tx(member, NoGuardians, expiryHeight: 2), TxCode.Expired);
    }

    [Fact]
    public void A_transaction_expiring_at_the_block_height_is_still_executed()
    {
        var chain = new TestChain();
        var member = chain.Register("member");

        chain.RunOk(chain.Tx(member, NoGuardians, expiryHeight: chain.App.Height + 1));
    }

    [Fact]
    public void A_transaction_for_another_chain_is_WrongChain()
    {
        var chain = new TestChain();
        var member = chain.Register("member");

        chain.RefuseWithoutStateChange(chain.Tx(member, NoGuardians, chainId: "another-chain"), TxCode.WrongChain);
        chain.RefuseWithoutStateChange(chain.Tx(TestKeys.Get("fresh"), TestChain.Registration(), chainId: "another-chain"), TxCode.WrongChain);
    }

    [Fact]
    public void A_signature_that_does_not_verify_for_the_sender_key_is_BadSignature()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var sequence = chain.Member(member).Sequence;
        var genuine = chain.Tx(member, NoGuardians);

        // The member's own signature, but over different fields (another message).
        var otherMessage = Transaction.FromParts(TestChain.Id, member.PublicKey, sequence, TestChain.FarExpiry, new RevokeKey(), genuine.Signature);
        // A valid signature by another key claiming the member as sender.
        var forged = chain.Tx(TestKeys.Get("forger"), new RevokeKey(), sequence: sequence);
        var impersonation = Transaction.FromParts(TestChain.Id, member.PublicKey, sequence, TestChain.FarExpiry, new RevokeKey(), forged.Signature);

        chain.RefuseWithoutStateChange(otherMessage, TxCode.BadSignature);
        chain.RefuseWithoutStateChange(impersonation, TxCode.BadSignature);
        chain.RefuseWithoutStateChange(Transaction.Decode(impersonation.Encoded), TxCode.BadSignature);
        Assert.True(chain.Member(member).IsActive);
    }

    [Fact]
    public void A_bad_signature_on_a_registration_is_BadSignature()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("fresh");
        var other = chain.Tx(TestKeys.Get("other"), TestChain.Registration(), sequence: 0);
        var tampered = Transaction.FromParts(TestChain.Id, key.PublicKey, 0, TestChain.FarExpiry, TestChain.Registration(), other.Signature);

        chain.RefuseWithoutStateChange(tampered, TxCode.BadSignature);

        Assert.Null(chain.App.GetMember(key.PublicKey.Id));
    }

    [Fact]
    public void Executing_a_block_at_the_wrong_height_or_for_another_chain_throws_without_changing_state()
    {
        var chain = new TestChain();
        chain.Register("member");
        var root = chain.App.StateRoot;
        var height = chain.App.Height;

        Assert.Throws<InvalidOperationException>(() => chain.App.ExecuteBlock(TestChain.Header(height + 2, chain.NextTimeMs), []));
        Assert.Throws<InvalidOperationException>(() => chain.App.ExecuteBlock(TestChain.Header(height, chain.NextTimeMs), []));
        var foreign = TestChain.Header(height + 1, chain.NextTimeMs) with { ChainId = "another-chain" };
        Assert.Throws<InvalidOperationException>(() => chain.App.ExecuteBlock(foreign, []));

        Assert.Equal(root, chain.App.StateRoot);
        Assert.Equal(height, chain.App.Height);
    }
}
