using Roundtable.Application;
using Roundtable.Application.Execution;
using Roundtable.Application.Genesis;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

namespace Roundtable.Mempool.Tests;

/// <summary>The mempool driven by the real application check, as the node wires it.</summary>
public sealed class MempoolWithApplicationTests
{
    private const ulong GenesisTimeMs = 1_750_000_000_000;

    private readonly LedgerApplication _app;
    private readonly Mempool _pool = new(new MempoolOptions(MaxTransactions: 100, MaxBytes: 1 << 20, MaxPerSender: 8));

    public MempoolWithApplicationTests()
    {
        var parameters = new ChainParameters(
            [new NamedEntry("government", "Government"), new NamedEntry("technical", "Technical community")],
            [new NamedEntry("europe", "Europe")],
            AdmissionRule.Open,
            0,
            60_000);
        _app = LedgerApplication.FromGenesis(new GenesisState(
            MempoolTests.ChainId,
            GenesisTimeMs,
            parameters,
            [new Validator(MempoolTests.Key("validator").PublicKey, "Validator", "government", 1)],
            [new GenesisMember(MempoolTests.Key("founder").PublicKey, "Founder", "government", "europe")]));
    }

    private MempoolAdmission Submit(Transaction tx) => _pool.TryAdd(tx, (t, pending) => _app.CheckTransaction(t, pending));

    private IReadOnlyList<(Transaction Tx, TxResult Reason)> Commit(params Transaction[] txs)
    {
        var header = new BlockHeader(MempoolTests.ChainId, _app.Height + 1, GenesisTimeMs + (_app.Height * 1_000), Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero,
            Hash256.Zero, Hash256.Zero, MempoolTests.Key("validator").PublicKey, null);
        var result = _app.ExecuteBlock(header, txs, t => _pool.Contains(t.Hash));
        Assert.All(result.Results, r => Assert.True(r.IsOk, r.Reason));
        return _pool.Update(txs.Select(t => t.Hash), (t, pending, fromPeer) => _app.CheckTransaction(t, pending, signatureVerified: true, dryRun: !fromPeer));
    }

    private static RegisterMember Registration => new("Newcomer", "technical", "europe", []);

    [Fact]
    public void A_registration_and_its_follow_up_wait_together_and_the_follow_up_survives_when_only_the_registration_is_committed()
    {
        var register = MempoolTests.Tx("newcomer", 0, Registration);
        var followUp = MempoolTests.Tx("newcomer", 1, new SetGuardians([MempoolTests.Key("founder").PublicKey.Id], 1));
        Assert.True(Submit(register).Admitted);
        Assert.True(Submit(followUp).Admitted);
        Assert.Equal(2, _pool.PendingFrom(register.Sender));

        var dropped = Commit(register);

        Assert.Empty(dropped);
        Assert.Equal(1, _pool.PendingFrom(register.Sender));
        Assert.Equal([followUp.Hash], _pool.Reap(10, long.MaxValue).Select(t => t.Hash));

        Assert.Empty(Commit(followUp));
        Assert.Equal(0, _pool.Count);
        Assert.Equal(0, _pool.PendingFrom(register.Sender));
    }

    [Fact]
    public void A_waiting_transaction_of_a_key_revoked_by_a_committed_one_is_dropped_as_KeyNotCurrent()
    {
        var waiting = MempoolTests.Tx("founder", 0, new SetGuardians([], 0));
        var competing = MempoolTests.Tx("founder", 0, new RevokeKey());
        Assert.True(Submit(waiting).Admitted);

        var dropped = Commit(competing);

        var (tx, reason) = Assert.Single(dropped);
        Assert.Equal(waiting.Hash, tx.Hash);
        Assert.Equal(TxCode.KeyNotCurrent, reason.Code);
        Assert.Equal(0, _pool.Count);
    }

    [Fact]
    public void A_waiting_transaction_overtaken_by_a_committed_one_of_the_same_sequence_is_dropped_as_BadSequence()
    {
        var newcomerRegistration = MempoolTests.Tx("member", 0, Registration);
        Commit(newcomerRegistration);
        var waiting = MempoolTests.Tx("member", 1, new SetGuardians([], 0));
        var competing = MempoolTests.Tx("member", 1, new SetGuardians([MempoolTests.Key("founder").PublicKey.Id], 1));
        Assert.True(Submit(waiting).Admitted);

        var dropped = Commit(competing);

        var (tx, reason) = Assert.Single(dropped);
        Assert.Equal(waiting.Hash, tx.Hash);
        Assert.Equal(TxCode.BadSequence, reason.Code);
        Assert.Equal(0, _pool.PendingFrom(waiting.Sender));
    }

    [Fact]
    public void The_application_refusal_reaches_the_submitter_with_its_code()
    {
        var stranger = MempoolTests.Tx("stranger", 0, new RevokeKey());
        var outOfOrder = MempoolTests.Tx("founder", 5, new RevokeKey());
        var otherChain = Transaction.Create("another-chain", MempoolTests.Key("founder"), 0, 1_000, new RevokeKey());

        Assert.Equal(TxCode.UnknownSender, Submit(stranger).Result.Code);
        Assert.Equal(TxCode.BadSequence, Submit(outOfOrder).Result.Code);
        Assert.Equal(TxCode.WrongChain, Submit(otherChain).Result.Code);
        Assert.Equal(0, _pool.Count);
    }
}
