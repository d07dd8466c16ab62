using Roundtable.Application.DataPractices;
using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Application.Genesis;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Identities;
using Roundtable.Application.Members;
using Roundtable.Application.Names;
using Roundtable.Application.Notary;
using Roundtable.Application.Parameters;
using Roundtable.Application.PersonalData;
using Roundtable.Application.Sessions;
using Roundtable.Application.State;
using Roundtable.Application.Validators;
using Roundtable.Application.WorkingGroups;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;
using Roundtable.Merkle;

namespace Roundtable.Application;

/// <summary>
/// The governance state machine. Deterministic: the same genesis and the same blocks give the same
/// state root on every node. Not thread-safe; the node serialises access.
/// </summary>
public sealed partial class LedgerApplication
{
    private readonly SparseMerkleMap _map;
    private ValidatorSet? _scheduledValidators;
    private readonly DecodedRecord<ChainParameters> _parameters = new(StateKeys.Parameters);
    private readonly DecodedRecord<ValidatorSetRecord> _validators = new(StateKeys.Validators);
    private readonly DecodedRecord<ValidatorSetRecord> _nextValidators = new(StateKeys.NextValidators);
    private readonly DecodedRecord<ValidatorSetRecord> _lastValidators = new(StateKeys.LastValidators);
    private readonly CommittedSenders _committedSenders;

    private LedgerApplication(string chainId, SparseMerkleMap map, ulong height, ulong lastBlockTimeMs, Hash256 lastBlockId)
    {
        ChainId = chainId;
        _map = map;
        Height = height;
        LastBlockTimeMs = lastBlockTimeMs;
        LastBlockId = lastBlockId;
        _committedSenders = new CommittedSenders(key => DescribeSender(Committed, key));
    }

    /// <summary>The chain this state belongs to.</summary>
    public string ChainId { get; }

    /// <summary>Root of the authenticated state.</summary>
    public Hash256 StateRoot => _map.Root;

    /// <summary>Number of keys in the state.</summary>
    public int KeyCount => _map.Count;

    /// <summary>Height of the last executed block (0 at genesis).</summary>
    /// <remarks>Kept outside the authenticated state so that the state root changes only when the state does.</remarks>
    public ulong Height { get; private set; }

    /// <summary>BFT time of the last executed block (genesis time at 0).</summary>
    public ulong LastBlockTimeMs { get; private set; }

    /// <summary>Id of the last executed block (zero at 0).</summary>
    public Hash256 LastBlockId { get; private set; }

    /// <summary>Current parameters.</summary>
    /// <remarks>Every transaction reads them (admission, mempool re-check, execution): decoded once per change.</remarks>
    public ChainParameters Parameters => _parameters.Read(_map) ?? throw new InvalidOperationException("State has no parameters.");

    /// <summary>The validator set deciding the next block (height <see cref="Height"/> + 1), with the height it took effect.</summary>
    public ValidatorSetRecord Validators => ReadValidators(_validators);

    /// <summary>The validator set deciding the block after next: changes appear here two heights before they apply.</summary>
    public ValidatorSetRecord NextValidators => ReadValidators(_nextValidators);

    /// <summary>The validator set that decided the last block.</summary>
    public ValidatorSetRecord LastValidators => ReadValidators(_lastValidators);

    private StateView Committed => new(_map);

    /// <summary>The state at genesis.</summary>
    public static LedgerApplication FromGenesis(GenesisState genesis)
    {
        var problem = genesis.Parameters.Validate();
        if (problem is not null)
        {
            throw new ArgumentException("Genesis parameters: " + problem + ".", nameof(genesis));
        }

        var app = new LedgerApplication(genesis.ChainId, new SparseMerkleMap(), 0, genesis.GenesisTimeMs, Hash256.Zero);
        var state = new StateView(app._map);
        state.Put(StateKeys.Parameters, genesis.Parameters);
        var governance = genesis.Governance ?? GovernanceParameters.Default;
        var governanceProblem = governance.Validate();
        if (governanceProblem is not null)
        {
            throw new ArgumentException("Genesis governance rules: " + governanceProblem + ".", nameof(genesis));
        }

        state.Put(GovernanceKeys.Parameters, governance);
        var validators = new ValidatorSetRecord(new ValidatorSet(StakeholderPower.Assign(genesis.Validators)), 1);
        var policy = ValidatorSetPolicy.Check(validators.Set, genesis.Parameters);
        if (policy is not null)
        {
            throw new ArgumentException("Genesis validators: " + policy + ".", nameof(genesis));
        }

        state.Put(StateKeys.LastValidators, validators);
        state.Put(StateKeys.Validators, validators);
        state.Put(StateKeys.NextValidators, validators);
        GenesisValidatorRegion.Write(state, genesis.ValidatorRegions ?? [], validators.Set, genesis.Parameters);
        foreach (var m in genesis.Members)
        {
            if (!genesis.Parameters.HasGroup(m.StakeholderGroup) || !genesis.Parameters.HasRegion(m.Region))
            {
                throw new ArgumentException($"Genesis member '{m.DisplayName}' names an unknown group or region.", nameof(genesis));
            }

            var id = m.Key.Id;
            if (state.Get<KeyOwner>(StateKeys.Key(id)) is not null)
            {
                throw new ArgumentException($"Genesis member key {id.ToShortString()} appears twice.", nameof(genesis));
            }

            state.Put(StateKeys.Member(id), new MemberRecord(
                id, m.Key, m.DisplayName, m.StakeholderGroup, m.Region, [], MemberStatus.Active,
                RegisteredAtHeight: 0, VerifiedAtHeight: 1, Attestations: [], Guardians: [], GuardianThreshold: 0, Sequence: 0));
            state.Put(StateKeys.Key(id), new KeyOwner(id));
        }

        foreach (var zone in genesis.Zones ?? [])
        {
            var zoneProblem = zone.Problem(genesis.Parameters.HasGroup)
                ?? (state.Get<ZonePolicy>(NameKeys.Zone(zone.Origin)) is null ? null : "given twice");
            if (zoneProblem is not null)
            {
                throw new ArgumentException($"Genesis zone {zone.Origin}: {zoneProblem}.", nameof(genesis));
            }

            state.Put(NameKeys.Zone(zone.Origin), zone);
        }

        state.Commit();
        return app;
    }

    /// <summary>
    /// Restores a state from a snapshot's ordered entries taken after <paramref name="lastBlock"/>.
    /// The state keeps the entries' arrays (a snapshot holds millions): the caller hands them over.
    /// <paramref name="runIndependent"/>, when given, runs the build's independent pieces, on
    /// several cores if it likes (see <see cref="SparseMerkleMap.AdoptSorted"/>); the state is the
    /// same either way.
    /// </summary>
    public static LedgerApplication FromSnapshot(string chainId, IEnumerable<KeyValuePair<byte[], byte[]>> orderedEntries, BlockHeader lastBlock, Action<Action[]>? runIndependent = null) =>
        new(chainId, SparseMerkleMap.AdoptSorted(orderedEntries, runIndependent), lastBlock.Height, lastBlock.TimeMs, lastBlock.Id);

    /// <summary>Every key and value in key order, for snapshots.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> ExportOrdered() => _map.EnumerateOrdered();

    /// <summary>A member by id, or null.</summary>
    public MemberRecord? GetMember(Hash256 id) => MembersModule.GetMember(Committed, id);

    /// <summary>A personal field by its commitment in the committed state, or null (docs/personal-data.md).</summary>
    public PersonalFieldRecord? GetPersonalField(Hash256 commitment) => PersonalDataModule.GetField(Committed, commitment);

    /// <summary>A personal field as this node shows it, given the values it holds beside the chain.</summary>
    public PersonalFieldView ViewPersonalField(Hash256 commitment, IDisclosedValues values) => PersonalFieldView.Of(commitment, GetPersonalField(commitment), values);

    /// <summary>A member's certificate affiliation in the committed state, or null.</summary>
    public CertifiedAffiliation? GetAffiliation(Hash256 member) => IdentitiesModule.GetAffiliation(Committed, member);

    /// <summary>The recovery in progress for member <paramref name="id"/>, or null when none is.</summary>
    public PendingRecovery? GetPendingRecovery(Hash256 id) => Committed.Get<PendingRecovery>(StateKeys.Recovery(id));

    /// <summary>Every zone's policy, in origin order.</summary>
    public IReadOnlyList<ZonePolicy> ListZones() =>
        [.. _map.EnumeratePrefix(NameKeys.ZonePrefix).Select(e => Core.Encoding.Canonical.FromBytes<ZonePolicy>(e.Value))];

    /// <summary>The names of zone <paramref name="origin"/> in label order (live or not), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<NameHolding> ListNames(string origin, int limit) =>
        [.. _map.EnumeratePrefix(NameKeys.NamesOf(origin)).Take(limit).Select(e => Core.Encoding.Canonical.FromBytes<NameHolding>(e.Value))];

    /// <summary>The version of zone <paramref name="origin"/>: the last height that changed what it serves (its SOA serial).</summary>
    public ZoneVersion GetZoneVersion(string origin) => NamesModule.GetVersion(Committed, origin);

    /// <summary>The name <paramref name="label"/> of zone <paramref name="origin"/>, or null.</summary>
    public NameHolding? GetName(string origin, string label) => NamesModule.GetName(Committed, origin, label);

    /// <summary>Members in key order of their state path, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<MemberRecord> ListMembers(int limit) =>
        [.. _map.EnumeratePrefix("member/"u8).Take(limit).Select(e => Core.Encoding.Canonical.FromBytes<MemberRecord>(e.Value))];

    /// <summary>The raw value at a state key, or null.</summary>
    public byte[]? GetRaw(byte[] key) => _map.Get(key);

    /// <summary>A membership or non-membership proof for a state key against <see cref="StateRoot"/>.</summary>
    public StateProof Prove(byte[] key) => _map.Prove(key);

    /// <summary>A frozen view of the current state (O(1)); executing later blocks does not change it.</summary>
    public StateSnapshot Snapshot() => new(Height, _map.Clone());

    /// <summary>How the state sees <paramref name="key"/> as a transaction sender.</summary>
    public SenderAccount DescribeSender(PublicKey key) => _committedSenders.Describe(_map, key);

    /// <summary>
    /// The checks a transaction must pass before it may enter the mempool: chain, expiry,
    /// signature, and sender sequence given <paramref name="pendingFromSender"/> transactions from
    /// the same key already waiting. When none are waiting and <paramref name="dryRun"/> is set,
    /// the message is also dry-run against the committed state, so a doomed transaction is refused
    /// with its reason instead of committed as a failure. The node that a person submits to does
    /// that; a transaction relayed by a peer was dry-run there, and dry-running it again on every
    /// validator cost two thirds as much as running it in the block (docs/network.md, §10).
    /// </summary>
    public TxResult CheckTransaction(Transaction tx, ulong pendingFromSender, bool signatureVerified = false, bool dryRun = true)
    {
        var nextHeight = Height + 1;
        var basic = CheckEnvelope(tx, nextHeight, signatureVerified);
        if (basic is not null)
        {
            return basic;
        }

        var account = DescribeSender(tx.Sender);
        // An unregistered key may still send: its registration, or what follows a pending registration.
        if (account.Problem is not null && account.Member is not null)
        {
            return account.Problem;
        }

        var expected = account.NextSequence + pendingFromSender;
        if (tx.Sequence != expected)
        {
            return new TxResult(TxCode.BadSequence, $"Expected sequence {expected}, got {tx.Sequence}.");
        }

        if (pendingFromSender > 0)
        {
            return TxResult.Ok;
        }

        if (account.Member is null && tx.Message is not RegisterMember)
        {
            return new TxResult(TxCode.UnknownSender, "This key is not registered; its first transaction must register a member.");
        }

        return dryRun ? Run(Committed, tx, account.Member, nextHeight, LastBlockTimeMs, commit: false) : TxResult.Ok;
    }

    /// <summary>
    /// Executes a decided block: due recoveries, working-group sunsets, name expiries, evidence, governance's due transitions, then each transaction in order. <paramref name="isSignatureVerified"/> lets the caller skip signatures it
    /// already checked when admitting the transaction.
    /// </summary>
    public BlockExecutionResult ExecuteBlock(Block block, Func<Transaction, bool>? isSignatureVerified = null) =>
        ExecuteBlock(block.Header, block.Transactions, isSignatureVerified, block.Evidence);

    /// <summary>Executes a decided block given as header, transactions and evidence (see <see cref="ExecuteBlock(Block, Func{Transaction, bool}?)"/>).</summary>
    public BlockExecutionResult ExecuteBlock(BlockHeader header, IReadOnlyList<Transaction> transactions, Func<Transaction, bool>? isSignatureVerified = null, IReadOnlyList<DuplicateVoteEvidence>? evidence = null)
    {
        if (header.Height != Height + 1)
        {
            throw new InvalidOperationException($"Cannot execute block {header.Height} on state at height {Height}.");
        }

        if (header.ChainId != ChainId)
        {
            throw new InvalidOperationException($"Block for chain '{header.ChainId}' executed on chain '{ChainId}'.");
        }

        var begin = Committed;
        MembersModule.CompleteDueRecoveries(begin, header.TimeMs);
        WorkingGroupsModule.SunsetDue(begin, header.TimeMs, header.Height);
        NamesModule.ExpireDue(begin, header.TimeMs, header.Height);
        IdentitiesModule.ExpireDue(begin, header.TimeMs);
        DisputesModule.DrawDue(begin, header.Height, header.TimeMs, header.PreviousBlockId, Parameters);
        var offenders = new List<PublicKey>();
        foreach (var e in evidence ?? [])
        {
            if (!EvidenceModule.IsRecorded(begin, e))
            {
                EvidenceModule.Record(begin, e);
                offenders.Add(e.First.Validator);
            }
        }

        begin.Commit();

        // Governance's timed transitions, in due-time then proposal-id order.
        var governance = Committed;
        _scheduledValidators = ProposalClock.Advance(governance, header.Height, header.TimeMs) ?? _scheduledValidators;
        governance.Commit();

        // Double signers leave the coming set, whatever governance scheduled in this block.
        if (offenders.Count > 0)
        {
            var suspensions = Committed;
            var basis = _scheduledValidators ?? NextValidators.Set;
            _scheduledValidators = EquivocationSuspension.Apply(suspensions, basis, offenders, Parameters, header.Height) ?? _scheduledValidators;
            suspensions.Commit();
        }

        var results = new TxResult[transactions.Count];
        for (var i = 0; i < transactions.Count; i++)
        {
            results[i] = Deliver(transactions[i], header.Height, header.TimeMs, isSignatureVerified?.Invoke(transactions[i]) ?? false);
        }

        RotateValidators(header.Height);
        Height = header.Height;
        LastBlockTimeMs = header.TimeMs;
        LastBlockId = header.Id;
        return new BlockExecutionResult(header.Height, results, StateRoot);
    }

    /// <summary>
    /// Simulation and test hook (on a live chain, validator-change proposals drive the set): the set
    /// will be applied as if committed in the next block, so it decides blocks from two heights after that one.
    /// </summary>
    /// <exception cref="ArgumentException">The set breaks the bounds in the parameters.</exception>
    public void ScheduleValidatorSet(IEnumerable<Validator> validators)
    {
        var set = new ValidatorSet(StakeholderPower.Assign(validators));
        var problem = ValidatorSetPolicy.Check(set, Parameters);
        if (problem is not null)
        {
            throw new ArgumentException("Validator set refused: " + problem + ".", nameof(validators));
        }

        _scheduledValidators = set;
    }

    private ValidatorSetRecord ReadValidators(DecodedRecord<ValidatorSetRecord> record) =>
        record.Read(_map) ?? throw new InvalidOperationException("State has no validator set.");

    /// <summary>After block <paramref name="height"/>: the next set starts deciding, and a scheduled change becomes the one after.</summary>
    private void RotateValidators(ulong height)
    {
        var state = Committed;
        var current = Validators;
        var next = NextValidators;
        state.Put(StateKeys.LastValidators, current);
        state.Put(StateKeys.Validators, next.Set.Hash == current.Set.Hash ? current : next with { EffectiveHeight = height + 1 });
        if (_scheduledValidators is { } scheduled)
        {
            state.Put(StateKeys.NextValidators, new ValidatorSetRecord(scheduled, height + 2));
            _scheduledValidators = null;
        }

        state.Commit();
    }

    private TxResult Deliver(Transaction tx, ulong height, ulong timeMs, bool signatureVerified)
    {
        var basic = CheckEnvelope(tx, height, signatureVerified);
        if (basic is not null)
        {
            return basic;
        }

        var view = Committed;
        var account = DescribeSender(view, tx.Sender);
        var unregisteredRegistration = account.Member is null && tx.Message is RegisterMember;
        if (account.Problem is not null && !unregisteredRegistration)
        {
            return account.Problem;
        }

        if (tx.Sequence != account.NextSequence)
        {
            return new TxResult(TxCode.BadSequence, $"Expected sequence {account.NextSequence}, got {tx.Sequence}.");
        }

        var result = Run(view, tx, account.Member, height, timeMs, commit: true);
        if (!result.IsOk && account.Member is not null)
        {
            // A refused message still uses its sequence number, so the same signed bytes can never run later.
            var bump = Committed;
            bump.Put(StateKeys.Member(account.Member.Id), account.Member with { Sequence = account.Member.Sequence + 1 });
            bump.Commit();
        }

        return result;
    }

    private TxResult Run(StateView view, Transaction tx, MemberRecord? sender, ulong height, ulong timeMs, bool commit)
    {
        MemberRecord? advanced = null;
        if (sender is not null)
        {
            advanced = sender with { Sequence = sender.Sequence + 1 };
            view.Put(StateKeys.Member(sender.Id), advanced);
        }

        try
        {
            var ctx = new TxContext(view, ChainId, height, timeMs, Parameters, tx.Sender, advanced);
            PausableModules.RefuseIfPaused(view, tx.Message.Type, timeMs);
            if (GovernanceModule.Handles(tx.Message))
            {
                GovernanceModule.Execute(ctx, tx.Message);
            }
            else if (SessionsModule.Handles(tx.Message.Type))
            {
                SessionsModule.Execute(ctx, tx.Message);
            }
            else if (WorkingGroupsModule.Handles(tx.Message.Type))
            {
                WorkingGroupsModule.Execute(ctx, tx.Message);
            }
            else if (NotaryModule.Handles(tx.Message.Type))
            {
                NotaryModule.Execute(ctx, tx.Message);
            }
            else if (NamesModule.Handles(tx.Message.Type))
            {
                NamesModule.Execute(ctx, tx.Message);
            }
            else if (DataPracticesModule.Handles(tx.Message.Type))
            {
                DataPracticesModule.Execute(ctx, tx.Message);
            }
            else if (IdentitiesModule.Handles(tx.Message.Type))
            {
                IdentitiesModule.Execute(ctx, tx.Message);
            }
            else if (DisputesModule.Handles(tx.Message.Type))
            {
                DisputesModule.Execute(ctx, tx.Message);
            }
            else if (PersonalDataModule.Handles(tx.Message.Type))
            {
                PersonalDataModule.Execute(ctx, tx.Message);
            }
            else
            {
                MembersModule.Execute(ctx, tx.Message);
            }
        }
        catch (TxRejectedException e)
        {
            view.Discard();
            return new TxResult(e.Code, e.Message);
        }

        if (commit)
        {
            view.Commit();
        }
        else
        {
            view.Discard();
        }

        return TxResult.Ok;
    }

    private TxResult? CheckEnvelope(Transaction tx, ulong height, bool signatureVerified)
    {
        if (tx.ChainId != ChainId)
        {
            return new TxResult(TxCode.WrongChain, $"The transaction is for chain '{tx.ChainId}', this is '{ChainId}'.");
        }

        if (height > tx.ExpiryHeight)
        {
            return new TxResult(TxCode.Expired, $"The transaction expired at height {tx.ExpiryHeight}; the next block is {height}.");
        }

        if (!signatureVerified && !tx.VerifySignature())
        {
            return new TxResult(TxCode.BadSignature, "The signature does not verify for the sender key.");
        }

        return PasskeyRelyingPartyProblem(Parameters, tx.Signature);
    }

    /// <summary>
    /// Null unless <paramref name="signature"/> is a passkey's and the site it was made for (the
    /// authenticator data's rpIdHash) is not among the parameters' relying-party ids. Checked
    /// before anything runs, so a refused transaction changes nothing, not even the sequence.
    /// </summary>
    public static TxResult? PasskeyRelyingPartyProblem(ChainParameters parameters, Signature signature)
    {
        if (signature.Algorithm != SignatureAlgorithm.WebAuthnP256 || parameters.AllowsRelyingParty(signature.RelyingPartyIdHash))
        {
            return null;
        }

        var allowed = string.Join(", ", parameters.RelyingParties);
        return new TxResult(TxCode.RelyingPartyNotAllowed, parameters.RelyingParties.Count == 0
            ? "This chain allows no passkeys: its parameters list no relying-party id."
            : "The passkey was made for a site (relying-party id) this chain does not allow; its parameters allow passkeys of "
              + (allowed.Length <= 200 ? allowed : $"{parameters.RelyingParties.Count} sites (see the chain's parameters)") + ".");
    }

    private static SenderAccount DescribeSender(StateView view, PublicKey key)
    {
        var owner = MembersModule.GetKeyOwner(view, key);
        if (owner is null)
        {
            return new SenderAccount(null, 0, new TxResult(TxCode.UnknownSender, "This key is not registered; its first transaction must register a member."));
        }

        var member = MembersModule.GetMember(view, owner.Value) ?? throw new InvalidOperationException($"Key index points at missing member {owner.Value}.");
        if (!member.Key.Equals(key))
        {
            return new SenderAccount(member, member.Sequence, new TxResult(TxCode.KeyNotCurrent, "This key was replaced by a newer key of the same member."));
        }

        if (!member.IsActive)
        {
            return new SenderAccount(member, member.Sequence, new TxResult(TxCode.KeyNotCurrent, "This key was revoked by its member."));
        }

        return new SenderAccount(member, member.Sequence, null);
    }
}
