using Roundtable.Core.Hashing;

namespace Roundtable.Storage.Tests;

public sealed class BlockStoreTests
{
    private static readonly BlockStoreOptions SmallSegments = new() { SegmentSize = 2048 };

    [Fact]
    public void Blocks_round_trip_across_segment_roll_over()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, SmallSegments, out var report);
        Assert.True(report.IsClean);
        Assert.Equal(0ul, store.LastHeight);
        Assert.Equal(0ul, store.BaseHeight);

        Blocks.AppendRange(store, 1, 60);

        Assert.True(store.SegmentCount > 3, $"expected several segments, got {store.SegmentCount}");
        Assert.Equal(store.SegmentCount, Directory.GetFiles(dir.Path, "blocks-*.seg").Length);
        Assert.True(File.Exists(dir.File("blocks-000000.seg")));
        Assert.True(File.Exists(dir.File("blocks-000001.seg")));
        Assert.Equal(60ul, store.LastHeight);
        Assert.Equal(1ul, store.BaseHeight);
        Assert.Equal(60, store.Count);
        for (ulong h = 1; h <= 60; h++)
        {
            Assert.True(store.TryRead(h, out var payload));
            Assert.Equal(Blocks.Payload(h), payload);
        }

        foreach (var segment in Directory.GetFiles(dir.Path, "blocks-*.seg").Order(StringComparer.Ordinal).SkipLast(1))
        {
            Assert.True(new FileInfo(segment).Length <= SmallSegments.SegmentSize);
        }
    }

    [Fact]
    public void A_block_larger_than_the_segment_size_gets_a_segment_of_its_own()
    {
        using var dir = new TempDirectory();
        var big = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        using (var store = BlockStore.Open(dir.Path, SmallSegments, out _))
        {
            store.Append(1, [1, 2, 3], []);
            store.Append(2, big, []);
            store.Append(3, [4, 5], []);
            Assert.Equal(3, store.SegmentCount);
        }

        using var reopened = BlockStore.Open(dir.Path, SmallSegments, out var report);
        Assert.True(report.IsClean);
        Assert.True(reopened.TryRead(2, out var payload));
        Assert.Equal(big, payload);
        Assert.True(reopened.TryRead(3, out payload));
        Assert.Equal(new byte[] { 4, 5 }, payload);
    }

    [Fact]
    public void Reopening_rebuilds_the_block_index_and_the_transaction_index()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, SmallSegments, out _))
        {
            Blocks.AppendRange(store, 1, 40);
        }

        using var reopened = BlockStore.Open(dir.Path, SmallSegments, out var report);
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(40, report.RecordsScanned - reopened.TransactionCount);
        Assert.Equal(40ul, reopened.LastHeight);
        for (ulong h = 1; h <= 40; h++)
        {
            Assert.True(reopened.TryRead(h, out var payload));
            Assert.Equal(Blocks.Payload(h), payload);
            var txs = Blocks.TxsOf(h);
            for (var i = 0; i < txs.Length; i++)
            {
                Assert.True(reopened.TryFindTransaction(txs[i], out var location));
                Assert.Equal(new TxLocation(h, i), location);
            }
        }

        // Appending continues in the last segment after the reopen.
        reopened.Append(41, Blocks.Payload(41), Blocks.TxsOf(41));
        Assert.True(reopened.TryRead(41, out var last));
        Assert.Equal(Blocks.Payload(41), last);
    }

    [Fact]
    public void Append_refuses_a_height_that_does_not_follow_the_last_one()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, out _);
        store.Append(1, [1], []);
        store.Append(2, [2], []);

        var gap = Assert.Throws<InvalidOperationException>(() => store.Append(4, [4], []));
        Assert.Contains("next must be 3", gap.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => store.Append(2, [2], []));
        Assert.Throws<InvalidOperationException>(() => store.Append(1, [1], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Append(0, [0], []));
        Assert.Equal(2ul, store.LastHeight);

        store.Append(3, [3], []);
        Assert.Equal(3ul, store.LastHeight);
    }

    [Fact]
    public void An_empty_store_accepts_any_first_height_and_remembers_it_as_the_base()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            store.Append(1000, [1], []);
            store.Append(1001, [2], []);
            Assert.Equal(1000ul, store.BaseHeight);
        }

        using var reopened = BlockStore.Open(dir.Path, out _);
        Assert.Equal(1000ul, reopened.BaseHeight);
        Assert.Equal(1001ul, reopened.LastHeight);
        Assert.False(reopened.TryRead(999, out _));
        Assert.True(reopened.TryRead(1000, out var payload));
        Assert.Equal(new byte[] { 1 }, payload);
        Assert.Throws<InvalidOperationException>(() => reopened.Append(1, [1], []));
    }

    [Fact]
    public void Reading_a_height_that_is_not_stored_returns_false()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, out _);
        Assert.False(store.TryRead(1, out var none));
        Assert.Empty(none);
        store.Append(1, [9], []);
        Assert.False(store.TryRead(0, out _));
        Assert.False(store.TryRead(2, out _));
        Assert.False(store.TryFindTransaction(Blocks.Tx(1, 0), out _));
    }

    [Fact]
    public void Append_refuses_a_payload_above_the_bound()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, new BlockStoreOptions { MaxPayloadBytes = 100 }, out _);
        Assert.Throws<ArgumentException>(() => store.Append(1, new byte[101], []));
        store.Append(1, new byte[100], []);
        Assert.Equal(1ul, store.LastHeight);
    }

    [Fact]
    public void Empty_payloads_are_stored()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            store.Append(1, [], []);
            store.Append(2, [], []);
        }

        using var reopened = BlockStore.Open(dir.Path, out var report);
        Assert.True(report.IsClean);
        Assert.True(reopened.TryRead(2, out var payload));
        Assert.Empty(payload);
    }

    [Fact]
    public void Unsynced_appends_are_durable_after_Sync_and_visible_after_reopen()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, SmallSegments, out _))
        {
            Blocks.AppendRange(store, 1, 100, sync: false);
            store.Sync();
            Assert.True(store.TryFindTransaction(Blocks.Tx(100, 0), out var location));
            Assert.Equal(new TxLocation(100, 0), location);
        }

        using var reopened = BlockStore.Open(dir.Path, SmallSegments, out var report);
        Assert.True(report.IsClean);
        Assert.Equal(100ul, reopened.LastHeight);
        Assert.True(reopened.TryFindTransaction(Blocks.Tx(98, 1), out var found));
        Assert.Equal(new TxLocation(98, 1), found);
    }

    [Fact]
    public void A_second_open_of_the_same_directory_is_refused_while_the_first_is_open()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            var e = Assert.Throws<IOException>(() => BlockStore.Open(dir.Path, out _));
            Assert.Contains("already open", e.Message, StringComparison.Ordinal);
        }

        using var again = BlockStore.Open(dir.Path, out _);
    }

    [Fact]
    public void A_disposed_store_refuses_reads_and_writes()
    {
        using var dir = new TempDirectory();
        var store = BlockStore.Open(dir.Path, out _);
        store.Append(1, [1], []);
        store.Dispose();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.TryRead(1, out _));
        Assert.Throws<ObjectDisposedException>(() => store.Append(2, [2], []));
    }

    [Fact]
    public async Task Readers_see_consistent_blocks_while_a_writer_appends()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, new BlockStoreOptions { SegmentSize = 16 * 1024 }, out _);
        const ulong last = 1500;
        var done = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var reads = 0L;
        using var started = new CountdownEvent(3);
        var readers = Enumerable.Range(0, 3).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            started.Signal();
            while (Volatile.Read(ref done) == 0)
            {
                var top = store.LastHeight;
                if (top == 0)
                {
                    continue;
                }

                var h = (ulong)random.NextInt64(1, (long)top + 1);
                if (!store.TryRead(h, out var payload) || !payload.AsSpan().SequenceEqual(Blocks.Payload(h)))
                {
                    failures.Enqueue($"block {h} unreadable or wrong while last was {top}");
                }

                var txs = Blocks.TxsOf(h);
                if (txs.Length > 0 && (!store.TryFindTransaction(txs[^1], out var location) || location != new TxLocation(h, txs.Length - 1)))
                {
                    failures.Enqueue($"transaction of block {h} not indexed while last was {top}");
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        for (ulong h = 1; h <= last; h++)
        {
            store.Append(h, Blocks.Payload(h), Blocks.TxsOf(h), sync: h % 100 == 0);
        }

        Volatile.Write(ref done, 1);
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.True(Interlocked.Read(ref reads) > 0);
        Assert.Equal(last, store.LastHeight);
        Assert.True(store.SegmentCount > 5);
    }

    [Fact]
    public void A_record_changed_on_disk_after_open_makes_the_read_fail_naming_file_and_offset()
    {
        using var dir = new TempDirectory();
        using var store = BlockStore.Open(dir.Path, out _);
        var offsets = Blocks.AppendRange(store, 1, 5);

        Blocks.FlipByte(dir.File("blocks-000000.seg"), offsets[3] + BlockStore.RecordHeaderSize + 5);

        var e = Assert.Throws<StoreCorruptedException>(() => store.TryRead(3, out _));
        Assert.Contains("blocks-000000.seg", e.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {offsets[3]}", e.Message, StringComparison.Ordinal);
        Assert.Contains("CRC32C mismatch", e.Message, StringComparison.Ordinal);
        Assert.Equal(offsets[3], e.Offset);
        Assert.True(store.TryRead(4, out _));
    }

    [Fact]
    public void Duplicate_transaction_hashes_keep_their_first_location()
    {
        using var dir = new TempDirectory();
        var tx = Hash256.Compute("same"u8);
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            store.Append(1, [1], [tx]);
            store.Append(2, [2], [Blocks.Tx(2, 0), tx]);
            Assert.True(store.TryFindTransaction(tx, out var location));
            Assert.Equal(new TxLocation(1, 0), location);
        }

        using var reopened = BlockStore.Open(dir.Path, out _);
        Assert.True(reopened.TryFindTransaction(tx, out var again));
        Assert.Equal(new TxLocation(1, 0), again);
    }
}
