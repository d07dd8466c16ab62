using Microsoft.Extensions.Logging;
using Roundtable.Application;
using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.PersonalData;
using Roundtable.Application.Power;
using Roundtable.Application.State;
using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;
using Roundtable.Merkle;
using Roundtable.Node.Chain;
using Roundtable.Node.Hosting;
using Roundtable.Node.Upgrades;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;
using Roundtable.Storage;

namespace Roundtable.Node.Runtime;

/// <summary>
/// The node's shared state: application, block store, mempool and snapshots behind one lock.
/// Consensus commits through it; API requests read through it. Every public member is thread-safe.
/// </summary>
public sealed partial class ChainState : IConsensusApplication, IDisposable
{
    private readonly Lock _gate = new();
    private readonly LedgerApplication _app;
    private readonly ChainStore _store;
    private readonly SnapshotStore _snapshots;

    // Snapshot writes in order, one at a time, off the lock (see Commit).
    private Task _snapshotWrites = Task.CompletedTask;
    private readonly Mempool.Mempool _mempool;
    private readonly NodeConfig _config;
    private readonly ILogger _log;
    private readonly List<DuplicateVoteEvidence> _evidence = [];
    private Commit? _lastCommit;

    // baseCommit: for a node that joined by snapshot and has stored no block yet, the commit of the snapshot's block.
    internal ChainState(LedgerApplication app, ChainStore store, SnapshotStore snapshots, NodeConfig config, GenesisAnchor genesis, ILogger log, Commit? baseCommit = null)
    {
        _app = app;
        _store = store;
        _proofs = new BundleAssembler(new StoredHeaderArchive(store), genesis);
        _snapshots = snapshots;
        _config = config;
        _log = log;
        _mempool = new Mempool.Mempool(config.Mempool);
        _lastCommit = store.LastHeight == 0 ? baseCommit : store.Read(store.LastHeight)?.Commit;
    }

    /// <summary>The snapshots this node keeps (and serves to joining peers).</summary>
    internal SnapshotStore Snapshots => _snapshots;

    /// <summary>
    /// The lowest height whose block this node keeps: 1, or the height after the snapshot a node
    /// joined by. Blocks below it were never downloaded.
    /// </summary>
    public ulong FirstKeptHeight
    {
        get
        {
            lock (_gate)
            {
                return _store.LastHeight == 0 ? _app.Height + 1 : _store.BaseHeight;
            }
        }
    }

    /// <summary>
    /// The personal values this node holds beside the chain (docs/personal-data.md); views read
    /// them, execution never does. None unless the host gives its store.
    /// </summary>
    public IDisclosedValues Disclosed { get; init; } = NoDisclosedValues.Instance;

    /// <summary>Refusals kept for status queries.</summary>
    public RejectedTransactions Rejected { get; } = new();

    /// <summary>The build this node runs, checked against an approved upgrade's release hash.</summary>
    public ReleaseIdentity Release { get; init; } = ReleaseIdentity.Current;

    /// <summary>
    /// Set once the chain has reached an approved upgrade's halt height and this node does not
    /// run the approved build: it then commits nothing more.
    /// </summary>
    public UpgradeHalt? UpgradeHalt
    {
        get
        {
            lock (_gate)
            {
                return Upgrades.UpgradeHalt.Check(_app.UpgradePlan, _app.Height, Release);
            }
        }
    }

    /// <summary>The approved software upgrade, if one is scheduled.</summary>
    public Application.Governance.Proposals.UpgradePlan? UpgradePlan
    {
        get
        {
            lock (_gate)
            {
                return _app.UpgradePlan;
            }
        }
    }

    /// <summary>The chain id.</summary>
    public string ChainId => _app.ChainId;

    /// <summary>Raised after a block is committed and stored, outside the lock.</summary>
    public event Action<StoredBlock>? BlockCommitted;

    /// <summary>Where the chain stands, for the consensus engine.</summary>
    public ChainTip Tip()
    {
        lock (_gate)
        {
            return new ChainTip(_app.Height, _lastCommit, _app.LastBlockTimeMs);
        }
    }

    /// <summary>A snapshot of the node's status.</summary>
    public NodeStatus Status()
    {
        lock (_gate)
        {
            return new NodeStatus(_app.ChainId, _app.Height, _app.LastBlockId, _app.LastBlockTimeMs, _app.StateRoot, _app.Validators.Set, _mempool.Count, _mempool.Bytes);
        }
    }

    /// <summary>Raised (outside the lock) when a transaction submitted to this node, not relayed by a peer, enters the mempool.</summary>
    public event Action<Transaction>? TransactionAdmitted;

    /// <summary>Height of the last committed block.</summary>
    public ulong Height
    {
        get
        {
            lock (_gate)
            {
                return _app.Height;
            }
        }
    }

    /// <summary>
    /// Admits a transaction to the mempool or says why not. The signature, the expensive part, is
    /// checked before taking the lock: it depends on nothing but the transaction's bytes, so a
    /// block's commit and other submissions do not wait for it. A copy already committed or waiting
    /// is not verified at all; a signature that fails is checked again by the application under the
    /// lock, so the refusal reason keeps its order (chain, expiry, then signature).
    /// </summary>
    public MempoolAdmissionResult Submit(Transaction tx, bool fromPeer = false)
    {
        var signatureValid = !IsKnown(tx.Hash) && tx.VerifySignature();
        MempoolAdmissionResult result;
        lock (_gate)
        {
            if (_store.IsCommitted(tx.Hash))
            {
                return new MempoolAdmissionResult(tx.Hash, new TxResult(TxCode.Duplicate, "The transaction is already committed."));
            }

            var admission = _mempool.TryAdd(tx, (t, pending) => _app.CheckTransaction(t, pending, signatureVerified: signatureValid, dryRun: !fromPeer), fromPeer);
            if (!admission.Admitted && !fromPeer)
            {
                Rejected.Add(tx.Hash, admission.Result);
            }

            result = new MempoolAdmissionResult(tx.Hash, admission.Result);
        }

        if (result.Result.IsOk && !fromPeer)
        {
            TransactionAdmitted?.Invoke(tx);
        }

        return result;
    }

    /// <summary>True when the transaction is committed or waiting in the mempool.</summary>
    private bool IsKnown(Hash256 hash)
    {
        lock (_gate)
        {
            return IsKnownLocked(hash);
        }
    }

    private bool IsKnownLocked(Hash256 hash) => _mempool.Contains(hash) || _store.IsCommitted(hash);

    /// <summary>Those of <paramref name="hashes"/> neither committed nor waiting in the mempool, in their order; one lock for all.</summary>
    public List<Hash256> Unknown(IEnumerable<Hash256> hashes)
    {
        lock (_gate)
        {
            return [.. hashes.Where(h => !IsKnownLocked(h))];
        }
    }

    /// <summary>The transaction with this hash if it waits in the mempool, else null (committed, dropped or never seen).</summary>
    public Transaction? FindPending(Hash256 hash) => _mempool.Find(hash);

    /// <summary>What happened to a transaction.</summary>
    public TxLookup Lookup(Hash256 hash)
    {
        lock (_gate)
        {
            var committed = _store.FindTransaction(hash);
            if (committed is not null)
            {
                return committed;
            }

            if (_mempool.Contains(hash))
            {
                return new TxLookup(TxStatus.Pending, null, 0, 0, null);
            }

            var rejected = Rejected.Find(hash);
            return rejected is null ? new TxLookup(TxStatus.Unknown, null, 0, 0, null) : new TxLookup(TxStatus.Rejected, null, 0, 0, rejected);
        }
    }

    /// <summary>A stored block, or null.</summary>
    public StoredBlock? ReadBlock(ulong height)
    {
        lock (_gate)
        {
            return _store.Read(height);
        }
    }

    /// <summary>A member by id, or null.</summary>
    public MemberRecord? GetMember(Hash256 id)
    {
        lock (_gate)
        {
            return _app.GetMember(id);
        }
    }

    /// <summary>Runs a read-only query against the committed application state, under the lock.</summary>
    public T Query<T>(Func<LedgerApplication, T> read)
    {
        lock (_gate)
        {
            return read(_app);
        }
    }

    /// <summary>Members, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<MemberRecord> ListMembers(int limit)
    {
        lock (_gate)
        {
            return _app.ListMembers(limit);
        }
    }

    /// <summary>The power report of the committed state (see <see cref="LedgerApplication.ReportPower()"/>).</summary>
    public PowerReport ReportPower()
    {
        lock (_gate)
        {
            return _app.ReportPower();
        }
    }

    /// <summary>Validators the equivocation rule acted on (see <see cref="LedgerApplication.ReportAccountability()"/>).</summary>
    public IReadOnlyList<Application.Validators.ValidatorAccountability> ReportAccountability()
    {
        lock (_gate)
        {
            return _app.ReportAccountability();
        }
    }

    /// <summary>How the state sees a key, with the next sequence counting waiting transactions.</summary>
    public (SenderAccount Account, ulong Pending) DescribeSender(PublicKey key)
    {
        lock (_gate)
        {
            return (_app.DescribeSender(key), (ulong)_mempool.PendingFrom(key));
        }
    }

    /// <summary>A proof for a state key at the current height.</summary>
    public StateProofAnswer Prove(byte[] key)
    {
        lock (_gate)
        {
            return new StateProofAnswer(key, _app.Height, _app.StateRoot, _app.GetRaw(key), _app.Prove(key));
        }
    }

    /// <inheritdoc />
    public (ValidatorSet Validators, ulong EffectiveHeight) ValidatorsFor(ulong height)
    {
        lock (_gate)
        {
            var record = height == _app.Height + 1 ? _app.Validators
                : height == _app.Height + 2 ? _app.NextValidators
                : throw new InvalidOperationException($"Validators for height {height} are not known at height {_app.Height}.");
            return (record.Set, record.EffectiveHeight);
        }
    }

    /// <inheritdoc />
    public Block CreateProposal(ulong height, PublicKey proposer, Commit? lastCommit)
    {
        lock (_gate)
        {
            if (height != _app.Height + 1)
            {
                throw new InvalidOperationException($"Asked to propose height {height} while the state is at {_app.Height}.");
            }

            return _app.BuildBlock(proposer, lastCommit, _mempool.Reap(_config.MaxBlockTransactions, _config.MaxBlockBytes), _evidence);
        }
    }

    /// <inheritdoc />
    public string? ValidateProposal(Block block)
    {
        lock (_gate)
        {
            if (block.Transactions.Count > _config.MaxBlockTransactions)
            {
                return $"block carries {block.Transactions.Count} transactions; the limit is {_config.MaxBlockTransactions}";
            }

            return _app.ValidateBlock(block);
        }
    }

    /// <summary>
    /// Executes and durably stores a decided block, updates the mempool and takes a snapshot when
    /// due. The block is on disk (fsynced) before anyone can see it as committed.
    /// </summary>
    /// <exception cref="UpgradeRequiredException">The chain stands at an approved upgrade's halt height and this build is not the approved one.</exception>
    public void Commit(Block block, Commit commit)
    {
        if (UpgradeHalt is { } halt)
        {
            throw new UpgradeRequiredException(halt);
        }

        StoredBlock stored;
        Hash256 stateRoot;
        HashSet<Hash256> admitted;
        lock (_gate)
        {
            admitted = [.. block.Transactions.Where(t => _mempool.Contains(t.Hash)).Select(t => t.Hash)];
        }

        // Signatures admission did not check (transactions this node never received) are checked
        // here, on every core and outside the lock, so that consensus and the API keep going.
        var signatures = VerifiedSignatures.Check(block.Transactions, t => admitted.Contains(t.Hash));
        lock (_gate)
        {
            var setEffectiveHeight = _app.Validators.EffectiveHeight;
            _provable = _app.Snapshot();
            var result = _app.ExecuteBlock(block, signatures.IsValid);
            var next = _app.Validators.Set;
            var handover = block.Header.NextValidatorSetHash != block.Header.ValidatorSetHash && next.Hash == block.Header.NextValidatorSetHash ? next : null;
            stored = new StoredBlock(block, commit, result.Results, new ValidatorHistory(setEffectiveHeight, handover));
            stateRoot = result.StateRoot;
            _store.Append(stored);
            _lastCommit = commit;
            _evidence.RemoveAll(_app.NeverRecordable());
            var dropped = _mempool.Update(block.Transactions.Select(t => t.Hash), (t, pending, fromPeer) => _app.CheckTransaction(t, pending, signatureVerified: true, dryRun: !fromPeer));
            foreach (var (tx, reason) in dropped)
            {
                Rejected.Add(tx.Hash, reason);
            }

            if (_config.SnapshotInterval > 0 && block.Header.Height % _config.SnapshotInterval == 0)
            {
                // Written from a frozen copy on another thread: a state of a million members takes
                // seconds to write, and under the lock it held every validator's consensus still.
                var frozen = _app.Snapshot();
                _snapshotWrites = _snapshotWrites.ContinueWith(_ => WriteSnapshot(frozen), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        _log.LogInformation("Committed block {Height} {BlockId} with {TxCount} transaction(s), state root {StateRoot}",
            block.Header.Height, block.Id.ToShortString(), block.Transactions.Count, stateRoot.ToShortString());
        BlockCommitted?.Invoke(stored);
    }

    /// <summary>Writes one snapshot; a failure costs only that snapshot (the blocks are stored), so it is logged, not thrown.</summary>
    private void WriteSnapshot(StateSnapshot state)
    {
        try
        {
            _snapshots.Save(state.Height, state.StateRoot, state.EnumerateOrdered(), state.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogError("Could not write the snapshot of height {Height}: {Reason}", state.Height, e.Message);
        }
        catch (Exception e)
        {
            // A broken invariant (entries out of order): said now, since the task that throws is
            // observed only when the node stops.
            _log.LogCritical(e, "Writing the snapshot of height {Height} failed", state.Height);
            throw;
        }
    }

    /// <summary>Keeps evidence of equivocation until a block records it.</summary>
    public void AddEvidence(DuplicateVoteEvidence evidence)
    {
        lock (_gate)
        {
            if (!_evidence.Exists(e => e.Hash == evidence.Hash))
            {
                _evidence.Add(evidence);
            }
        }
    }

    /// <summary>Evidence waiting to be recorded.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> PendingEvidence()
    {
        lock (_gate)
        {
            return [.. _evidence];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A snapshot being written finishes first: a stopped node leaves no half-written file behind.
        _snapshotWrites.Wait();
        lock (_gate)
        {
            _store.Dispose();
        }
    }
}

/// <summary>What <see cref="ChainState.Status"/> reports.</summary>
public sealed record NodeStatus(string ChainId, ulong Height, Hash256 LatestBlockId, ulong LatestBlockTimeMs, Hash256 StateRoot, ValidatorSet Validators, int MempoolSize, long MempoolBytes);

/// <summary>The outcome of a submission.</summary>
public sealed record MempoolAdmissionResult(Hash256 Hash, TxResult Result);

/// <summary>A state proof with the root and height it is valid for.</summary>
public sealed record StateProofAnswer(byte[] Key, ulong Height, Hash256 StateRoot, byte[]? Value, StateProof Proof);
