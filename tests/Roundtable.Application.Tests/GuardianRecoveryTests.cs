using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Tests;

public sealed class GuardianRecoveryTests
{
    private const ulong Delay = 60_000;

    private static readonly PrivateKey G1 = TestChain.Founder("government", 0);
    private static readonly PrivateKey G2 = TestChain.Founder("civil-society", 0);
    private static readonly PrivateKey G3 = TestChain.Founder("technical", 0);

    private static SetGuardians Guardians(uint threshold, params PrivateKey[] guardians) =>
        new([.. guardians.Select(g => g.PublicKey.Id).Order()], threshold);

    private static PendingRecovery? Pending(TestChain chain, Hash256 member) =>
        chain.App.GetRaw(StateKeys.Recovery(member)) is { } raw ? Canonical.FromBytes<PendingRecovery>(raw) : null;

    private static RecoveryQueue Queue(TestChain chain) =>
        chain.App.GetRaw(StateKeys.RecoveryQueue) is { } raw ? Canonical.FromBytes<RecoveryQueue>(raw) : RecoveryQueue.Empty;

    /// <summary>A member with guardians G1, G2, G3 and the given threshold.</summary>
    private static (TestChain Chain, PrivateKey Member) Guarded(uint threshold = 2)
    {
        var chain = new TestChain(recoveryDelayMs: Delay);
        var member = chain.Register("guarded");
        chain.RunOk(chain.Tx(member, Guardians(threshold, G1, G2, G3)));
        return (chain, member);
    }

    [Fact]
    public void Setting_guardians_stores_them_with_the_threshold()
    {
        var (chain, member) = Guarded(threshold: 2);

        var record = chain.Member(member);
        Assert.Equal(new[] { G1, G2, G3 }.Select(g => g.PublicKey.Id).Order(), record.Guardians);
        Assert.Equal(2U, record.GuardianThreshold);
    }

    [Fact]
    public void An_empty_guardian_list_with_threshold_zero_removes_all_guardians()
    {
        var (chain, member) = Guarded();

        chain.RunOk(chain.Tx(member, new SetGuardians([], 0)));

        Assert.Empty(chain.Member(member).Guardians);
        Assert.Equal(0U, chain.Member(member).GuardianThreshold);
    }

    [Theory]
    [InlineData(0, 2)] // guardians but no threshold
    [InlineData(3, 2)] // threshold above the count
    [InlineData(1, 0)] // a threshold without guardians
    public void A_threshold_outside_one_to_the_guardian_count_is_InvalidArgument(uint threshold, int guardianCount)
    {
        var chain = new TestChain();
        var member = chain.Register("member");
        var guardians = new[] { G1, G2 }.Take(guardianCount).ToArray();

        chain.RefuseConsumingSequence(chain.Tx(member, Guardians(threshold, guardians)), TxCode.InvalidArgument);

        Assert.Empty(chain.Member(member).Guardians);
    }

    [Fact]
    public void A_guardian_that_is_not_a_member_is_NotFound()
    {
        var chain = new TestChain();
        var member = chain.Register("member");

        chain.RefuseConsumingSequence(chain.Tx(member, Guardians(1, G1, TestKeys.Get("not-a-member"))), TxCode.NotFound);
    }

    [Fact]
    public void A_member_naming_itself_as_guardian_is_InvalidArgument()
    {
        var chain = new TestChain();
        var member = chain.Register("member");

        chain.RefuseConsumingSequence(chain.Tx(member, Guardians(1, G1, member)), TxCode.InvalidArgument);
    }

    [Fact]
    public void Threshold_approvals_of_the_same_key_schedule_the_recovery_at_block_time_plus_delay()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        var newKey = TestKeys.Get("guarded/recovered");

        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, newKey.PublicKey)));
        Assert.Null(Pending(chain, id)!.ScheduledKey);
        Assert.Empty(Queue(chain).Entries);

        var time = chain.NextTimeMs;
        var block = chain.ExecuteAt(time, chain.Tx(G2, new ApproveRecovery(id, newKey.PublicKey)));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        var pending = Pending(chain, id)!;
        Assert.Equal(newKey.PublicKey, pending.ScheduledKey);
        Assert.Equal(time + Delay, pending.ReadyAtMs);
        Assert.Equal([new ScheduledRecovery(time + Delay, id)], Queue(chain).Entries);
        Assert.Equal(member.PublicKey, chain.Member(id).Key);
    }

    [Fact]
    public void Approvals_for_a_different_key_do_not_count_toward_the_threshold()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        var wanted = TestKeys.Get("guarded/wanted");
        var other = TestKeys.Get("guarded/other");

        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, wanted.PublicKey)));
        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, other.PublicKey)));

        Assert.Null(Pending(chain, id)!.ScheduledKey);
        Assert.Empty(Queue(chain).Entries);
        chain.ExecuteAt(chain.App.LastBlockTimeMs + (2 * Delay));
        Assert.Equal(member.PublicKey, chain.Member(id).Key);

        var time = chain.NextTimeMs;
        chain.ExecuteAt(time, chain.Tx(G3, new ApproveRecovery(id, wanted.PublicKey)));
        Assert.Equal(wanted.PublicKey, Pending(chain, id)!.ScheduledKey);
        Assert.Equal(time + Delay, Pending(chain, id)!.ReadyAtMs);
    }

    [Fact]
    public void A_guardian_changing_its_approval_replaces_the_earlier_one()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        var wanted = TestKeys.Get("guarded/wanted");
        var other = TestKeys.Get("guarded/other");
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, wanted.PublicKey)));
        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, other.PublicKey)));

        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, wanted.PublicKey)));

        var pending = Pending(chain, id)!;
        Assert.Equal(wanted.PublicKey, pending.ScheduledKey);
        Assert.Equal(2, pending.Approvals.Count);
        Assert.All(pending.Approvals, a => Assert.Equal(wanted.PublicKey, a.NewKey));
    }

    [Fact]
    public void The_member_key_is_replaced_by_the_first_block_whose_time_reaches_readyAt_and_the_old_key_gets_KeyNotCurrent()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        var newKey = TestKeys.Get("guarded/recovered");
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, newKey.PublicKey)));
        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, newKey.PublicKey)));
        var readyAt = Pending(chain, id)!.ReadyAtMs;

        chain.ExecuteAt(readyAt - 1);
        Assert.Equal(member.PublicKey, chain.Member(id).Key);
        Assert.NotNull(Pending(chain, id));

        // Due recoveries complete before the block's transactions, so the new key can sign in that very block.
        var sequence = chain.Member(id).Sequence;
        var block = chain.ExecuteAt(readyAt, chain.Tx(newKey, new SetGuardians([G3.PublicKey.Id], 1), sequence: sequence));

        Assert.True(block.Results[0].IsOk, block.Results[0].Reason);
        var record = chain.Member(id);
        Assert.Equal(newKey.PublicKey, record.Key);
        Assert.Equal(MemberStatus.Active, record.Status);
        Assert.Equal([G3.PublicKey.Id], record.Guardians);
        Assert.Null(Pending(chain, id));
        Assert.Empty(Queue(chain).Entries);
        Assert.Equal(new KeyOwner(id), Canonical.FromBytes<KeyOwner>(chain.App.GetRaw(StateKeys.Key(newKey.PublicKey.Id))));
        chain.RefuseWithoutStateChange(chain.Tx(member, new CancelRecovery(), sequence: record.Sequence), TxCode.KeyNotCurrent);
    }

    [Fact]
    public void A_recovery_cancelled_by_the_current_key_before_the_delay_changes_nothing_after_the_delay()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        var newKey = TestKeys.Get("guarded/thief");
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, newKey.PublicKey)));
        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, newKey.PublicKey)));
        var readyAt = Pending(chain, id)!.ReadyAtMs;

        chain.RunOk(chain.Tx(member, new CancelRecovery()));
        Assert.Null(Pending(chain, id));
        Assert.Empty(Queue(chain).Entries);
        var rootAfterCancel = chain.App.StateRoot;

        chain.ExecuteAt(readyAt);
        chain.ExecuteAt(readyAt + Delay);

        Assert.Equal(rootAfterCancel, chain.App.StateRoot);
        Assert.Equal(member.PublicKey, chain.Member(id).Key);
        Assert.Null(chain.App.GetRaw(StateKeys.Key(newKey.PublicKey.Id)));
        chain.RunOk(chain.Tx(member, new SetGuardians([], 0)));
    }

    [Fact]
    public void Rotating_the_key_drops_a_pending_recovery()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, TestKeys.Get("guarded/thief").PublicKey)));
        chain.RunOk(chain.Tx(G2, new ApproveRecovery(id, TestKeys.Get("guarded/thief").PublicKey)));
        var readyAt = Pending(chain, id)!.ReadyAtMs;

        var rotated = TestKeys.Get("guarded/rotated");
        chain.RunOk(chain.Tx(member, KeyRotationTests.Rotation(id, rotated)));
        chain.ExecuteAt(readyAt);

        Assert.Null(Pending(chain, id));
        Assert.Equal(rotated.PublicKey, chain.Member(id).Key);
    }

    [Fact]
    public void Cancelling_when_no_recovery_is_pending_is_NotFound()
    {
        var (chain, member) = Guarded();
        chain.RefuseConsumingSequence(chain.Tx(member, new CancelRecovery()), TxCode.NotFound);
    }

    [Fact]
    public void Approval_by_a_member_who_is_not_a_guardian_is_Unauthorized()
    {
        var (chain, member) = Guarded();
        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("private-sector", 0), new ApproveRecovery(member.PublicKey.Id, TestKeys.Get("x").PublicKey)), TxCode.Unauthorized);
        Assert.Null(Pending(chain, member.PublicKey.Id));
    }

    [Fact]
    public void Approval_of_a_key_that_is_already_registered_is_AlreadyExists()
    {
        var (chain, member) = Guarded();
        chain.RefuseConsumingSequence(chain.Tx(G1, new ApproveRecovery(member.PublicKey.Id, TestChain.Founder("private-sector", 1).PublicKey)), TxCode.AlreadyExists);
    }

    [Fact]
    public void Approval_of_a_key_off_the_curve_is_InvalidArgument()
    {
        var (chain, member) = Guarded();
        chain.RefuseConsumingSequence(chain.Tx(G1, new ApproveRecovery(member.PublicKey.Id, TestKeys.OffCurve)), TxCode.InvalidArgument);
    }

    [Fact]
    public void Approval_while_a_recovery_is_scheduled_is_AlreadyExists()
    {
        var (chain, member) = Guarded(threshold: 1);
        var id = member.PublicKey.Id;
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, TestKeys.Get("first").PublicKey)));

        chain.RefuseConsumingSequence(chain.Tx(G2, new ApproveRecovery(id, TestKeys.Get("second").PublicKey)), TxCode.AlreadyExists);

        Assert.Equal(TestKeys.Get("first").PublicKey, Pending(chain, id)!.ScheduledKey);
    }

    [Fact]
    public void Approval_for_a_member_that_does_not_exist_is_NotFound()
    {
        var chain = new TestChain();
        chain.RefuseConsumingSequence(chain.Tx(G1, new ApproveRecovery(TestKeys.Get("ghost").PublicKey.Id, TestKeys.Get("x").PublicKey)), TxCode.NotFound);
    }

    [Fact]
    public void Guardians_recover_a_revoked_member_onto_a_new_key_with_an_Active_status()
    {
        var (chain, member) = Guarded(threshold: 2);
        var id = member.PublicKey.Id;
        chain.RunOk(chain.Tx(member, new RevokeKey()));
        Assert.Equal(MemberStatus.KeyRevoked, chain.Member(id).Status);

        var newKey = TestKeys.Get("guarded/after-revocation");
        chain.RunOk(chain.Tx(G3, new ApproveRecovery(id, newKey.PublicKey)));
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, newKey.PublicKey)));
        chain.ExecuteAt(Pending(chain, id)!.ReadyAtMs);

        var record = chain.Member(id);
        Assert.Equal(MemberStatus.Active, record.Status);
        Assert.Equal(newKey.PublicKey, record.Key);
        Assert.Null(chain.App.DescribeSender(newKey.PublicKey).Problem);
        chain.RunOk(chain.Tx(newKey, new SetGuardians([G1.PublicKey.Id], 1)));
        chain.RefuseWithoutStateChange(chain.Tx(member, new RevokeKey(), sequence: chain.Member(id).Sequence), TxCode.KeyNotCurrent);
    }

    [Fact]
    public void A_scheduled_key_registered_by_someone_else_before_the_delay_is_not_installed()
    {
        var (chain, member) = Guarded(threshold: 1);
        var id = member.PublicKey.Id;
        var newKey = TestKeys.Get("contested");
        chain.RunOk(chain.Tx(G1, new ApproveRecovery(id, newKey.PublicKey)));
        var readyAt = Pending(chain, id)!.ReadyAtMs;
        chain.RunOk(chain.Tx(newKey, TestChain.Registration()));

        chain.ExecuteAt(readyAt);

        Assert.Equal(member.PublicKey, chain.Member(id).Key);
        Assert.Equal(newKey.PublicKey.Id, chain.Member(newKey).Id);
        Assert.Null(Pending(chain, id));
        Assert.Empty(Queue(chain).Entries);
    }

    [Fact]
    public void Approvals_from_former_guardians_are_not_kept_so_the_recovery_record_stays_bounded_and_readable()
    {
        // A member who keeps replacing its guardians (each new one approving once, below the
        // threshold) must not be able to grow the stored approvals past what the record's decoder
        // accepts; otherwise the next read of the record would throw out of ExecuteBlock.
        var chain = new TestChain();
        var member = chain.Register("churner");
        var id = member.PublicKey.Id;
        var silent = TestChain.Founder("government", 1);
        var newKey = TestKeys.Get("churner/new");
        var puppets = Enumerable.Range(0, SetGuardians.MaxGuardians + 2).Select(i => TestKeys.Get($"puppet/{i}")).ToList();
        chain.Execute([.. puppets.Select(p => chain.Tx(p, TestChain.Registration(name: "puppet")))]);

        foreach (var puppet in puppets)
        {
            chain.RunOk(chain.Tx(member, Guardians(2, puppet, silent)));
            chain.RunOk(chain.Tx(puppet, new ApproveRecovery(id, newKey.PublicKey)));
            var approvals = Pending(chain, id)!.Approvals;
            Assert.All(approvals, a => Assert.Contains(a.Guardian, chain.Member(id).Guardians));
        }

        chain.RunOk(chain.Tx(member, new CancelRecovery()));
        Assert.Null(Pending(chain, id));
    }
}
