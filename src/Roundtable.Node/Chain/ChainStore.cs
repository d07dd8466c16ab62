using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Storage;

namespace Roundtable.Node.Chain;

/// <summary>The block store seen as a chain: typed blocks with commits and results, and transaction lookup.</summary>
public sealed class ChainStore : IDisposable
{
    private readonly BlockStore _store;

    private ChainStore(BlockStore store)
    {
        _store = store;
    }

    /// <summary>Height of the newest stored block (0 when empty).</summary>
    public ulong LastHeight => _store.LastHeight;

    /// <summary>Height of the oldest stored block: 1, or higher for a node that joined by snapshot (0 when empty).</summary>
    public ulong BaseHeight => _store.BaseHeight;

    /// <summary>Opens the store, repairing a torn tail; <paramref name="report"/> says what was repaired.</summary>
    public static ChainStore Open(string directory, out StoreOpenReport report)
    {
        Directory.CreateDirectory(directory);
        var options = new BlockStoreOptions { TransactionHashExtractor = static (_, payload) => [.. StoredBlock.Decode(payload).Block.Transactions.Select(t => t.Hash)] };
        return new ChainStore(BlockStore.Open(directory, options, out report));
    }

    /// <summary>Appends a decided block durably (fsync before returning).</summary>
    public void Append(StoredBlock stored)
    {
        var writer = new CanonicalWriter(stored.EncodedSizeHint);
        stored.Encode(writer);
        _store.Append(stored.Block.Header.Height, writer.WrittenSpan, [.. stored.Block.Transactions.Select(t => t.Hash)]);
    }

    /// <summary>The stored block at <paramref name="height"/>, or null.</summary>
    public StoredBlock? Read(ulong height) =>
        _store.TryRead(height, out var payload) ? StoredBlock.Decode(payload) : null;

    /// <summary>True when the transaction is committed: an index lookup, without reading its block.</summary>
    public bool IsCommitted(Hash256 hash) => _store.TryFindTransaction(hash, out _);

    /// <summary>A committed transaction with its result, or null (reads and decodes its whole block).</summary>
    public TxLookup? FindTransaction(Hash256 hash)
    {
        if (!_store.TryFindTransaction(hash, out var location))
        {
            return null;
        }

        var stored = Read(location.Height);
        if (stored is null || location.Index >= stored.Block.Transactions.Count)
        {
            return null;
        }

        return new TxLookup(TxStatus.Committed, stored.Block.Transactions[location.Index], location.Height, location.Index, stored.Results[location.Index]);
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
