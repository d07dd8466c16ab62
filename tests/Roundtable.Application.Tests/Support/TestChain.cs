using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Application.Genesis;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

using Roundtable.Tests.Support;

namespace Roundtable.Application.Tests.Support;

/// <summary>
/// A chain under test: a genesis with the five stakeholder groups, a few regions and founding
/// members (verified from the start), a <see cref="LedgerApplication"/> on it, and blocks executed
/// at increasing heights and times. Every executed block is remembered so the chain can be
/// replayed on a fresh application (a twin) to compare state.
/// </summary>
internal sealed class TestChain
{
    public const string Id = "roundtable-test";
    public const ulong GenesisTimeMs = 1_750_000_000_000;
    public const ulong BlockIntervalMs = 1_000;
    public const ulong FarExpiry = 1_000_000;
    public const ulong DefaultRecoveryDelayMs = 60_000;

    public static readonly string[] Groups = ["civil-society", "government", "intergovernmental", "private-sector", "technical"];
    public static readonly string[] Regions = ["africa", "asia-pacific", "europe", "latin-america"];

    private readonly List<(BlockHeader Header, Transaction[] Transactions)> _blocks = [];

    public TestChain(
        AdmissionRule admission = AdmissionRule.Attestation,
        uint attestationsRequired = 2,
        ulong recoveryDelayMs = DefaultRecoveryDelayMs,
        int foundersPerGroup = 2,
        GovernanceParameters? governance = null,
        IReadOnlyList<ZonePolicy>? zones = null,
        IReadOnlyList<TrustAnchor>? trustAnchors = null,
        uint minValidatorGroups = 1,
        DisputeRules? disputes = null)
    {
        Parameters = MakeParameters(admission, attestationsRequired, recoveryDelayMs) with { TrustAnchors = trustAnchors, MinValidatorGroups = minValidatorGroups, Disputes = disputes };
        var founders = new List<GenesisMember>();
        foreach (var group in Groups)
        {
            for (var i = 0; i < foundersPerGroup; i++)
            {
                founders.Add(new GenesisMember(Founder(group, i).PublicKey, $"Founder {i} of {group}", group, Regions[i % Regions.Length]));
            }
        }

        var validators = Groups.Select(g => new Validator(TestKeys.Get("validator/" + g).PublicKey, "Validator " + g, g, 1)).ToList();
        Genesis = new GenesisState(Id, GenesisTimeMs, Parameters, validators, founders, Governance: governance, Zones: zones);
        App = LedgerApplication.FromGenesis(Genesis);
    }

    public ChainParameters Parameters { get; }

    public GenesisState Genesis { get; }

    public LedgerApplication App { get; }

    public IReadOnlyList<(BlockHeader Header, Transaction[] Transactions)> Blocks => _blocks;

    /// <summary>Time of the next block when the test does not choose one.</summary>
    public ulong NextTimeMs => App.Height == 0 ? GenesisTimeMs : App.LastBlockTimeMs + BlockIntervalMs;

    public static ChainParameters MakeParameters(AdmissionRule admission = AdmissionRule.Attestation, uint attestationsRequired = 2, ulong recoveryDelayMs = DefaultRecoveryDelayMs) =>
        new(
            [.. Groups.Select(g => new NamedEntry(g, "Group " + g))],
            [.. Regions.Select(r => new NamedEntry(r, "Region " + r))],
            admission,
            attestationsRequired,
            recoveryDelayMs,
            PasskeyRelyingParties: ["localhost"]);

    public static PrivateKey Founder(string group, int index) => TestKeys.Get($"founder/{group}/{index}");

    public static BlockHeader Header(ulong height, ulong timeMs) =>
        new(Id, height, timeMs, Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero, TestKeys.Get("validator/government").PublicKey, null);

    public static RegisterMember Registration(string group = "government", string region = "europe", string name = "Newcomer", params ProfileField[] profile) =>
        new(name, group, region, profile);

    public MemberRecord Member(PrivateKey key) => Member(key.PublicKey.Id);

    public MemberRecord Member(Hash256 id) => App.GetMember(id) ?? throw new InvalidOperationException($"No member {id.ToShortString()}.");

    /// <summary>
    /// A signed transaction, round-tripped through its canonical encoding as the node receives it.
    /// The sequence defaults to the sender's next one in the committed state.
    /// </summary>
    public Transaction Tx(PrivateKey signer, TxMessage message, ulong? sequence = null, ulong expiryHeight = FarExpiry, string chainId = Id) =>
        Transaction.Decode(Transaction.Create(chainId, signer, sequence ?? App.DescribeSender(signer.PublicKey).NextSequence, expiryHeight, message).Encoded);

    /// <summary>A transaction signed by a passkey, round-tripped like <see cref="Tx"/>.</summary>
    public Transaction PasskeyTx(SoftwarePasskey passkey, TxMessage message, ulong? sequence = null)
    {
        var seq = sequence ?? App.DescribeSender(passkey.PublicKey).NextSequence;
        var payload = Transaction.SigningPayload(Id, passkey.PublicKey, seq, FarExpiry, message);
        return Transaction.Decode(Transaction.FromParts(Id, passkey.PublicKey, seq, FarExpiry, message, passkey.Sign(payload)).Encoded);
    }

    public BlockExecutionResult Execute(params Transaction[] transactions) => ExecuteAt(NextTimeMs, transactions);

    public BlockExecutionResult ExecuteAt(ulong timeMs, params Transaction[] transactions)
    {
        var header = Header(App.Height + 1, timeMs);
        var result = App.ExecuteBlock(header, transactions);
        _blocks.Add((header, transactions));
        Assert.Equal(transactions.Length, result.Results.Count);
        Assert.Equal(App.StateRoot, result.StateRoot);
        return result;
    }

    /// <summary>Executes a one-transaction block and returns the transaction's result.</summary>
    public TxResult Run(Transaction tx) => Execute(tx).Results[0];

    /// <summary>Executes a one-transaction block and fails the test unless it succeeded.</summary>
    public void RunOk(Transaction tx)
    {
        var result = Run(tx);
        Assert.True(result.IsOk, $"Expected Ok, got {result.Code}: {result.Reason}");
    }

    /// <summary>Registers a fresh key in a block of its own and returns it.</summary>
    public PrivateKey Register(string name, string group = "government", string region = "europe")
    {
        var key = TestKeys.Get(name);
        RunOk(Tx(key, Registration(group, region, name)));
        return key;
    }

    /// <summary>A fresh application with the genesis and the first <paramref name="blockCount"/> blocks replayed.</summary>
    public LedgerApplication Replay(int? blockCount = null)
    {
        var app = LedgerApplication.FromGenesis(Genesis);
        foreach (var (header, txs) in _blocks.Take(blockCount ?? _blocks.Count))
        {
            app.ExecuteBlock(header, txs);
        }

        return app;
    }

    /// <summary>
    /// Refused before the message runs (envelope, sender or sequence): the check refuses it with
    /// the same code, and executing it leaves the state exactly as an empty block at the same
    /// height and time leaves a twin.
    /// </summary>
    public TxResult RefuseWithoutStateChange(Transaction tx, TxCode code) => Refuse(tx, code, consumesSequence: false);

    /// <summary>
    /// Refused by the message handler: the check refuses it with the same code, and executing it
    /// changes nothing but the sender's sequence (consumed so the signed bytes can never run
    /// again), compared with a twin that executed an empty block at the same height and time.
    /// </summary>
    public TxResult RefuseConsumingSequence(Transaction tx, TxCode code) => Refuse(tx, code, consumesSequence: true);

    private TxResult Refuse(Transaction tx, TxCode code, bool consumesSequence)
    {
        var rootBefore = App.StateRoot;
        var check = App.CheckTransaction(tx, 0);
        Assert.Equal(code, check.Code);
        Assert.Equal(rootBefore, App.StateRoot);

        var twin = Replay();
        Assert.Equal(rootBefore, twin.StateRoot);
        var senderBefore = App.DescribeSender(tx.Sender);

        var time = NextTimeMs;
        var result = ExecuteAt(time, tx).Results[0];
        twin.ExecuteBlock(Header(twin.Height + 1, time), []);

        Assert.Equal(code, result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        AssertSameStateExceptSequence(twin, App, consumesSequence ? senderBefore.Member : null);
        return result;
    }

    /// <summary>
    /// Both applications hold the same entries, except that <paramref name="bumped"/> (when given)
    /// has its sequence one higher in <paramref name="actual"/> than in <paramref name="expected"/>.
    /// </summary>
    public static void AssertSameStateExceptSequence(LedgerApplication expected, LedgerApplication actual, MemberRecord? bumped)
    {
        var want = expected.ExportOrdered().ToList();
        var got = actual.ExportOrdered().ToList();
        Assert.Equal(want.Select(e => Convert.ToHexString(e.Key)), got.Select(e => Convert.ToHexString(e.Key)));
        var bumpedKey = bumped is null ? null : StateKeys.Member(bumped.Id);
        for (var i = 0; i < want.Count; i++)
        {
            if (bumpedKey is not null && want[i].Key.AsSpan().SequenceEqual(bumpedKey))
            {
                var before = Canonical.FromBytes<MemberRecord>(want[i].Value);
                var after = Canonical.FromBytes<MemberRecord>(got[i].Value);
                Assert.Equal(Canonical.ToBytes(before with { Sequence = before.Sequence + 1 }), Canonical.ToBytes(after));
            }
            else
            {
                Assert.True(want[i].Value.AsSpan().SequenceEqual(got[i].Value), $"State entry {System.Text.Encoding.ASCII.GetString(want[i].Key)} differs.");
            }
        }

        if (bumped is null)
        {
            Assert.Equal(expected.StateRoot, actual.StateRoot);
        }
        else
        {
            Assert.NotEqual(expected.StateRoot, actual.StateRoot);
        }
    }
}
