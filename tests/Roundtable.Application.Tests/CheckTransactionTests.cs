using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class CheckTransactionTests
{
    [Fact]
    public void With_transactions_pending_from_the_sender_consecutive_sequences_are_accepted_for_a_new_key()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("newcomer");
        var register = chain.Tx(key, TestChain.Registration(), sequence: 0);
        var followUp = chain.Tx(key, new SetGuardians([TestChain.Founder("government", 0).PublicKey.Id], 1), sequence: 1);
        var third = chain.Tx(key, new RevokeKey(), sequence: 2);
        var root = chain.App.StateRoot;

        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(register, 0).Code);
        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(followUp, 1).Code);
        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(third, 2).Code);
        // Without the registration pending, the follow-up is out of sequence.
        Assert.Equal(TxCode.BadSequence, chain.App.CheckTransaction(followUp, 0).Code);
        Assert.Equal(TxCode.BadSequence, chain.App.CheckTransaction(followUp, 2).Code);
        Assert.Equal(root, chain.App.StateRoot);

        var block = chain.Execute(register, followUp);
        Assert.All(block.Results, r => Assert.True(r.IsOk, r.Reason));
    }

    [Fact]
    public void With_transactions_pending_from_a_member_the_next_sequences_are_accepted()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var next = chain.Member(member).Sequence;
        var later = chain.Tx(member, new SetGuardians([], 0), sequence: next + 3);

        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(later, 3).Code);
        Assert.Equal(TxCode.BadSequence, chain.App.CheckTransaction(later, 2).Code);
    }

    [Fact]
    public void Without_pending_transactions_a_doomed_message_is_refused_with_its_reason_and_nothing_changes()
    {
        var chain = new TestChain();
        var newcomer = chain.Register("newcomer", group: "government");
        var outsider = TestChain.Founder("technical", 0);
        var tx = chain.Tx(outsider, new AttestAffiliation(newcomer.PublicKey.Id));
        var root = chain.App.StateRoot;
        var sequence = chain.Member(outsider).Sequence;

        var result = chain.App.CheckTransaction(tx, 0);

        Assert.Equal(TxCode.Unauthorized, result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Equal(root, chain.App.StateRoot);
        Assert.Equal(sequence, chain.Member(outsider).Sequence);
    }

    [Fact]
    public void Without_a_dry_run_a_doomed_message_passes_but_the_envelope_sender_and_sequence_are_still_checked()
    {
        // A peer's transaction: its message was dry-run by the node it was submitted to.
        var chain = new TestChain();
        var newcomer = chain.Register("newcomer", group: "government");
        var outsider = TestChain.Founder("technical", 0);
        var next = chain.Member(outsider).Sequence;
        var doomed = chain.Tx(outsider, new AttestAffiliation(newcomer.PublicKey.Id), sequence: next);
        var stranger = TestKeys.Get("stranger");

        Assert.Equal(TxCode.Unauthorized, chain.App.CheckTransaction(doomed, 0).Code);
        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(doomed, 0, dryRun: false).Code);
        Assert.Equal(TxCode.BadSequence, chain.App.CheckTransaction(chain.Tx(outsider, new AttestAffiliation(newcomer.PublicKey.Id), sequence: next + 1), 0, dryRun: false).Code);
        Assert.Equal(TxCode.UnknownSender, chain.App.CheckTransaction(chain.Tx(stranger, new RevokeKey(), sequence: 0), 0, dryRun: false).Code);
        Assert.Equal(TxCode.WrongChain, chain.App.CheckTransaction(chain.Tx(outsider, new RevokeKey(), sequence: next, chainId: "another-chain"), 0, dryRun: false).Code);

        // In a block it fails with the same reason and uses its sequence number.
        var block = chain.Execute(doomed);
        Assert.Equal(TxCode.Unauthorized, block.Results[0].Code);
        Assert.Equal(next + 1, chain.Member(outsider).Sequence);
    }

    [Fact]
    public void Behind_pending_transactions_only_the_envelope_and_sequence_are_checked()
    {
        // The message cannot be dry-run against state that the pending transactions will change.
        var chain = new TestChain();
        var newcomer = chain.Register("newcomer", group: "government");
        var outsider = TestChain.Founder("technical", 0);
        var tx = chain.Tx(outsider, new AttestAffiliation(newcomer.PublicKey.Id), sequence: chain.Member(outsider).Sequence + 1);

        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(tx, 1).Code);
    }

    [Fact]
    public void A_successful_dry_run_does_not_change_the_state()
    {
        var chain = new TestChain();
        var key = TestKeys.Get("newcomer");
        var root = chain.App.StateRoot;

        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(chain.Tx(key, TestChain.Registration()), 0).Code);

        Assert.Equal(root, chain.App.StateRoot);
        Assert.Null(chain.App.GetMember(key.PublicKey.Id));
    }

    [Fact]
    public void An_unregistered_key_sending_anything_but_a_registration_is_UnknownSender()
    {
        var chain = new TestChain();
        Assert.Equal(TxCode.UnknownSender, chain.App.CheckTransaction(chain.Tx(TestKeys.Get("stranger"), new RevokeKey()), 0).Code);
    }

    [Fact]
    public void A_retired_key_is_KeyNotCurrent_whatever_is_pending()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        chain.RunOk(chain.Tx(member, KeyRotationTests.Rotation(member.PublicKey.Id, TestKeys.Get("member/new"))));
        var next = chain.Member(member).Sequence;

        Assert.Equal(TxCode.KeyNotCurrent, chain.App.CheckTransaction(chain.Tx(member, new RevokeKey(), sequence: next), 0).Code);
        Assert.Equal(TxCode.KeyNotCurrent, chain.App.CheckTransaction(chain.Tx(member, new RevokeKey(), sequence: next + 1), 1).Code);
    }

    [Fact]
    public void The_signature_check_can_be_skipped_for_a_signature_verified_before()
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var genuine = chain.Tx(member, new RevokeKey());
        var tampered = Roundtable.Ledger.Transactions.Transaction.FromParts(TestChain.Id, member.PublicKey, genuine.Sequence, TestChain.FarExpiry, new SetGuardians([], 0), genuine.Signature);

        Assert.Equal(TxCode.BadSignature, chain.App.CheckTransaction(tampered, 0).Code);
        Assert.Equal(TxCode.Ok, chain.App.CheckTransaction(tampered, 0, signatureVerified: true).Code);
    }
}
