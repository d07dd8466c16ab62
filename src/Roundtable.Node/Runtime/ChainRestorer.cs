using Microsoft.Extensions.Logging;
using Roundtable.Application;
using Roundtable.Application.Genesis;
using Roundtable.Ledger.Blocks;
using Roundtable.Node.Chain;
using Roundtable.Storage;

namespace Roundtable.Node.Runtime;

/// <summary>
/// Start-up: opens the block store (repairing a torn tail), loads the newest valid snapshot and
/// replays the blocks after it, checking every header's state root against the replayed state.
/// </summary>
public static class ChainRestorer
{
    private const int ReplayWindowTransactions = 1024;
    private const int ReplayWindowBlocks = 256;

    /// <summary>Thrown when stored data contradicts itself; the node must stop with this message.</summary>
    public sealed class ChainInconsistentException(string message) : Exception(message);

    /// <summary>
    /// Restores the application to the newest stored block. A node that joined by snapshot keeps no
    /// block at the snapshot height; <paramref name="joinedAt"/> is that block's verified header.
    /// </summary>
    public static (LedgerApplication App, ChainStore Store, SnapshotStore Snapshots) Restore(
        GenesisState genesis, string blocksDirectory, string snapshotsDirectory, ILogger log, BlockHeader? joinedAt = null)
    {
        var store = ChainStore.Open(blocksDirectory, out var storeReport);
        foreach (var e in storeReport.Events)
        {
            log.LogWarning("Block store repaired: {Event}", e.Message);
        }

        Directory.CreateDirectory(snapshotsDirectory);
        var snapshots = new SnapshotStore(snapshotsDirectory);
        var app = LoadSnapshot(genesis, store, snapshots, log, joinedAt) ?? LedgerApplication.FromGenesis(genesis);
        var from = app.Height + 1;
        var ahead = new Queue<StoredBlock>();
        VerifiedSignatures? signatures = null;
        for (var height = from; height <= store.LastHeight; height++)
        {
            if (ahead.Count == 0)
            {
                // Read a window of blocks and check all their signatures at once, on every core:
                // replay is bound by signature checks, and most blocks hold too few to share out.
                signatures = VerifiedSignatures.Check(ReadAhead(store, height, ahead), _ => false);
            }

            var stored = ahead.Dequeue();
            var header = stored.Block.Header;
            if (header.StateRoot != app.StateRoot)
            {
                throw new ChainInconsistentException(
                    $"Replaying block {height}: its header says state root {header.StateRoot} but the replayed state is {app.StateRoot}. " +
                    "The software or the stored data differs from what committed this block.");
            }

            var result = app.ExecuteBlock(stored.Block, signatures!.IsValid);
            for (var i = 0; i < result.Results.Count; i++)
            {
                if (result.Results[i] != stored.Results[i])
                {
                    throw new ChainInconsistentException($"Replaying block {height}: transaction {i} gave '{result.Results[i].Code}' but '{stored.Results[i].Code}' was recorded.");
                }
            }
        }

        if (store.LastHeight >= from)
        {
            log.LogInformation("Replayed blocks {From}..{To}; state root {StateRoot}", from, store.LastHeight, app.StateRoot.ToShortString());
        }

        return (app, store, snapshots);
    }

    /// <summary>Reads blocks from <paramref name="height"/> on into <paramref name="ahead"/> until about <see cref="ReplayWindowTransactions"/> transactions; returns their transactions.</summary>
    private static List<Ledger.Transactions.Transaction> ReadAhead(ChainStore store, ulong height, Queue<StoredBlock> ahead)
    {
        var transactions = new List<Ledger.Transactions.Transaction>();
        for (var h = height; h <= store.LastHeight && (ahead.Count == 0 || transactions.Count < ReplayWindowTransactions) && ahead.Count < ReplayWindowBlocks; h++)
        {
            var stored = store.Read(h) ?? throw new ChainInconsistentException($"Block {h} is missing from the block store.");
            ahead.Enqueue(stored);
            transactions.AddRange(stored.Block.Transactions);
        }

        return transactions;
    }

    private static LedgerApplication? LoadSnapshot(GenesisState genesis, ChainStore store, SnapshotStore snapshots, ILogger log, BlockHeader? joinedAt)
    {
        // The newest file is the one that loads unless it is damaged; the region is sized for it.
        var newest = snapshots.ListHeights() is [.., var top] ? new FileInfo(snapshots.PathOf(top)).Length : 0;
        using var region = BulkLoadRegion.ForSnapshot(newest);
        var info = snapshots.TryLoadLatest(out var entries, out var report);
        foreach (var e in report.Events)
        {
            log.LogWarning("Snapshot skipped: {Event}", e.Message);
        }

        if (info is null)
        {
            return null;
        }

        var joined = joinedAt?.Height == info.Height ? joinedAt : null;
        if (info.Height > store.LastHeight && joined is null)
        {
            log.LogWarning("Snapshot at height {Height} is ahead of the block store ({Last}); replaying from genesis", info.Height, store.LastHeight);
            return null;
        }

        var header = joined ?? store.Read(info.Height)?.Block.Header ?? throw new ChainInconsistentException($"Block {info.Height} of the snapshot is missing from the block store.");
        // The index and the trie's subtrees are built on every core (docs/merkle.md).
        var app = LedgerApplication.FromSnapshot(genesis.ChainId, entries, header, Parallel.Invoke);
        if (app.StateRoot != info.StateRoot)
        {
            log.LogWarning("Snapshot {File} does not reproduce its recorded root; replaying from genesis", info.FilePath);
            return null;
        }

        log.LogInformation("Loaded snapshot at height {Height} ({Keys} keys)", info.Height, app.KeyCount);
        return app;
    }
}
