namespace Roundtable.Storage.Tests;

/// <summary>
/// With an extractor, a durable append fsyncs the block only; the index may then lag the blocks
/// after a crash and is caught up from them at open.
/// </summary>
public sealed class TxIndexCatchUpTests
{
    private const string TxIndex = "txindex.dat";

    private static int EntriesThrough(ulong height) => Enumerable.Range(1, (int)height).Sum(h => Blocks.TxsOf((ulong)h).Length);

    [Fact]
    public void Entries_the_crash_kept_from_disk_are_derived_again_from_the_blocks_at_open()
    {
        using var dir = new TempDirectory();
        var extracted = new List<ulong>();
        var options = CountingOptions(extracted);
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 12);
        }

        // The blocks reached the disk, the index only through block 5 (its unsynced tail was lost).
        Blocks.Truncate(dir.File(TxIndex), Blocks.TxEntryOffset(EntriesThrough(5)));
        extracted.Clear();

        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            var caughtUp = Assert.IsType<TxIndexCaughtUp>(Assert.Single(report.Events));
            Assert.Equal(5ul, caughtUp.FromHeight);
            Assert.Equal(12ul, caughtUp.ToHeight);
            Assert.Equal(EntriesThrough(12) - EntriesThrough(5), caughtUp.EntriesAdded);
            Assert.Equal(Enumerable.Range(5, 8).Select(h => (ulong)h), extracted);
            Blocks.AssertAllIndexed(store, 12);
            Assert.Equal(EntriesThrough(12), store.TransactionCount);
        }

        extracted.Clear();
        using var reopened = BlockStore.Open(dir.Path, options, out var clean);
        Assert.True(clean.IsClean, clean.ToString());
        Assert.Empty(extracted);
        Blocks.AssertAllIndexed(reopened, 12);
    }

    [Fact]
    public void A_block_whose_entries_were_written_in_part_gets_only_the_missing_positions()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { TransactionHashExtractor = Blocks.Extract };
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 5);
        }

        // Block 5 has two transactions; only the first entry reached the disk.
        Assert.Equal(2, Blocks.TxsOf(5).Length);
        Blocks.Truncate(dir.File(TxIndex), Blocks.TxEntryOffset(EntriesThrough(4) + 1));

        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            var caughtUp = Assert.IsType<TxIndexCaughtUp>(Assert.Single(report.Events));
            Assert.Equal(1, caughtUp.EntriesAdded);
            Blocks.AssertAllIndexed(store, 5);
        }

        // One entry per transaction in the file (plus the close's marker): nothing was indexed twice.
        Assert.Equal(Blocks.TxEntryOffset(EntriesThrough(5) + 1), new FileInfo(dir.File(TxIndex)).Length);
    }

    [Fact]
    public void A_clean_close_marks_the_index_complete_so_trailing_empty_blocks_are_not_read_again()
    {
        using var dir = new TempDirectory();
        var extracted = new List<ulong>();
        var options = CountingOptions(extracted);
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 2);
            for (ulong h = 3; h <= 40; h++)
            {
                store.Append(h, Blocks.Payload(h, [], 10), []);
            }
        }

        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            Assert.True(report.IsClean, report.ToString());
            Assert.Empty(extracted);
            Assert.Equal(EntriesThrough(2), store.TransactionCount);
        }

        // Without the marker the open must examine the tail, since it cannot know it is empty.
        Blocks.Truncate(dir.File(TxIndex), Blocks.TxEntryOffset(EntriesThrough(2)));
        using (BlockStore.Open(dir.Path, options, out var report))
        {
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(Enumerable.Range(2, 39).Select(h => (ulong)h), extracted);
        }
    }

    [Fact]
    public void A_store_opened_without_an_extractor_reads_the_markers_as_no_transactions()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, new BlockStoreOptions { TransactionHashExtractor = Blocks.Extract }, out _))
        {
            Blocks.AppendRange(store, 1, 8);
        }

        using var plain = BlockStore.Open(dir.Path, out var report);
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(EntriesThrough(8), plain.TransactionCount);
        Blocks.AssertAllIndexed(plain, 8);
    }

    [Fact]
    public void A_marker_above_the_last_block_is_dropped_like_any_entry_of_a_lost_block()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { TransactionHashExtractor = Blocks.Extract };
        Dictionary<ulong, long> offsets;
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            offsets = Blocks.AppendRange(store, 1, 6);
        }

        // Block 6 (no transactions) was lost after the close wrote "indexed through 6".
        Assert.Empty(Blocks.TxsOf(6));
        Blocks.Truncate(dir.File("blocks-000000.seg"), offsets[6]);

        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            var dropped = Assert.IsType<TxIndexEntriesDropped>(Assert.Single(report.Events));
            Assert.Equal(1, dropped.EntriesDropped);
            var other = Blocks.Txs(6, 1, "-retry");
            store.Append(6, Blocks.Payload(6, other, 3), other);
        }

        using var reopened = BlockStore.Open(dir.Path, options, out var clean);
        Assert.True(clean.IsClean, clean.ToString());
        Assert.True(reopened.TryFindTransaction(Blocks.Tx(6, 0, "-retry"), out var location));
        Assert.Equal(new TxLocation(6, 0), location);
    }

    private static BlockStoreOptions CountingOptions(List<ulong> extracted) => new()
    {
        TransactionHashExtractor = (height, payload) =>
        {
            extracted.Add(height);
            return Blocks.Extract(height, payload);
        },
    };
}
