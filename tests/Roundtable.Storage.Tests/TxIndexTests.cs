namespace Roundtable.Storage.Tests;

public sealed class TxIndexTests
{
    private const string Segment0 = "blocks-000000.seg";
    private const string TxIndex = "txindex.dat";

    [Fact]
    public void Transactions_are_found_by_hash_after_append_and_after_reopen()
    {
        using var dir = new TempDirectory();
        var txs = Blocks.Txs(1, 5);
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            store.Append(1, Blocks.Payload(1, txs, 10), txs);
            Assert.Equal(5, store.TransactionCount);
            Assert.True(store.TryFindTransaction(txs[3], out var location));
            Assert.Equal(new TxLocation(1, 3), location);
        }

        Assert.Equal(Blocks.TxEntryOffset(5), new FileInfo(dir.File(TxIndex)).Length);
        using var reopened = BlockStore.Open(dir.Path, out var report);
        Assert.True(report.IsClean);
        for (var i = 0; i < txs.Length; i++)
        {
            Assert.True(reopened.TryFindTransaction(txs[i], out var location));
            Assert.Equal(new TxLocation(1, i), location);
        }
    }

    [Fact]
    public void Entries_of_a_block_that_never_reached_the_block_store_are_dropped_at_open()
    {
        using var dir = new TempDirectory();
        Dictionary<ulong, long> offsets;
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            offsets = Blocks.AppendRange(store, 1, 5);
        }

        // A crash after the index entries of block 5 were durable but before its record was written.
        Blocks.Truncate(dir.File(Segment0), offsets[5]);
        var entriesUpTo4 = Enumerable.Range(1, 4).Sum(h => Blocks.TxsOf((ulong)h).Length);

        using (var store = BlockStore.Open(dir.Path, out var report))
        {
            var dropped = Assert.IsType<TxIndexEntriesDropped>(Assert.Single(report.Events));
            Assert.Equal(Blocks.TxsOf(5).Length, dropped.EntriesDropped);
            Assert.Equal(Blocks.TxEntryOffset(entriesUpTo4), dropped.Offset);
            Assert.Equal(4ul, dropped.LastHeight);
            Assert.Equal(Blocks.TxEntryOffset(entriesUpTo4), new FileInfo(dir.File(TxIndex)).Length);
            Assert.False(store.TryFindTransaction(Blocks.TxsOf(5)[0], out _));
            Assert.True(store.TryFindTransaction(Blocks.TxsOf(4)[0], out _));

            // Block 5 is decided again with other transactions.
            var other = Blocks.Txs(5, 1, "-retry");
            store.Append(5, Blocks.Payload(5, other, 3), other);
        }

        using var reopened = BlockStore.Open(dir.Path, out var clean);
        Assert.True(clean.IsClean, clean.ToString());
        Assert.False(reopened.TryFindTransaction(Blocks.TxsOf(5)[0], out _));
        Assert.True(reopened.TryFindTransaction(Blocks.Tx(5, 0, "-retry"), out var location));
        Assert.Equal(new TxLocation(5, 0), location);
    }

    [Fact]
    public void A_torn_index_entry_is_truncated_with_the_entries_of_its_unfinished_block()
    {
        using var dir = new TempDirectory();
        Dictionary<ulong, long> offsets;
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            offsets = Blocks.AppendRange(store, 1, 5);
        }

        // Crash while writing the second index entry of block 5: its record never got written.
        var entriesUpTo4 = Enumerable.Range(1, 4).Sum(h => Blocks.TxsOf((ulong)h).Length);
        Blocks.Truncate(dir.File(Segment0), offsets[5]);
        Blocks.Truncate(dir.File(TxIndex), Blocks.TxEntryOffset(entriesUpTo4 + 1) + 20);

        using var store2 = BlockStore.Open(dir.Path, out var report);
        var torn = Assert.IsType<TruncatedTail>(Assert.Single(report.Events, e => e is TruncatedTail));
        Assert.Equal(dir.File(TxIndex), torn.File);
        Assert.Equal(Blocks.TxEntryOffset(entriesUpTo4 + 1), torn.Offset);
        Assert.Equal(20, torn.BytesDropped);
        var dropped = Assert.IsType<TxIndexEntriesDropped>(Assert.Single(report.Events, e => e is TxIndexEntriesDropped));
        Assert.Equal(1, dropped.EntriesDropped);
        Assert.Equal(Blocks.TxEntryOffset(entriesUpTo4), new FileInfo(dir.File(TxIndex)).Length);
        Assert.Equal(entriesUpTo4, store2.TransactionCount);
    }

    [Fact]
    public void A_corrupted_middle_index_entry_makes_open_fail_naming_the_index_file_and_offset()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            Blocks.AppendRange(store, 1, 10);
        }

        Blocks.FlipByte(dir.File(TxIndex), Blocks.TxEntryOffset(2) + 40);
        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains(dir.File(TxIndex), e.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {Blocks.TxEntryOffset(2)}", e.Message, StringComparison.Ordinal);
        Assert.Contains("TransactionHashExtractor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_index_is_rebuilt_from_the_blocks_when_an_extractor_is_configured()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { SegmentSize = 1024, TransactionHashExtractor = Blocks.Extract };
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 30);
        }

        Blocks.FlipByte(dir.File(TxIndex), Blocks.TxEntryOffset(2) + 3);
        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            var rebuilt = Assert.IsType<TxIndexRebuilt>(Assert.Single(report.Events));
            Assert.Contains("CRC32C mismatch", rebuilt.Reason, StringComparison.Ordinal);
            Assert.Equal(30, rebuilt.Entries);
            Blocks.AssertAllIndexed(store, 30);
            store.Append(31, Blocks.Payload(31), Blocks.TxsOf(31));
        }

        using var reopened = BlockStore.Open(dir.Path, options, out var clean);
        Assert.True(clean.IsClean);
        Assert.False(File.Exists(dir.File(TxIndex + ".tmp")));
        Blocks.AssertAllIndexed(reopened, 31);
    }

    [Fact]
    public void A_missing_index_fails_open_without_an_extractor_and_is_rebuilt_with_one()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            Blocks.AppendRange(store, 1, 10);
        }

        File.Delete(dir.File(TxIndex));
        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);

        using var rebuilt = BlockStore.Open(dir.Path, new BlockStoreOptions { TransactionHashExtractor = Blocks.Extract }, out var report);
        Assert.IsType<TxIndexRebuilt>(Assert.Single(report.Events));
        Blocks.AssertAllIndexed(rebuilt, 10);
    }

    [Fact]
    public void RebuildTransactionIndex_restores_entries_lost_by_an_unsynced_bulk_replay()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, out _);
        Blocks.AppendRange(store, 1, 20, sync: false);
        store.Sync();
        var before = new FileInfo(dir.File(TxIndex)).Length;

        var entries = store.RebuildTransactionIndex(Blocks.Extract);

        Assert.Equal(Enumerable.Range(1, 20).Sum(h => Blocks.TxsOf((ulong)h).Length), entries);
        Assert.Equal(before, new FileInfo(dir.File(TxIndex)).Length);
        Blocks.AssertAllIndexed(store, 20);
        store.Append(21, Blocks.Payload(21), Blocks.TxsOf(21));
        Blocks.AssertAllIndexed(store, 21);
    }

    [Fact]
    public void A_damaged_index_of_an_empty_store_is_simply_recreated()
    {
        using var dir = new TempDirectory();
        using (BlockStore.Open(dir.Path, out _))
        {
        }

        File.WriteAllBytes(dir.File(TxIndex), "RTT"u8.ToArray());
        using var store = BlockStore.Open(dir.Path, out var report);
        Assert.IsType<TxIndexRebuilt>(Assert.Single(report.Events));
        store.Append(1, Blocks.Payload(1), Blocks.TxsOf(1));
        Assert.True(store.TryFindTransaction(Blocks.TxsOf(1)[0], out _));
    }
}
