namespace Roundtable.Storage.Tests;

public sealed class BlockStoreRecoveryTests
{
    private const string Segment0 = "blocks-000000.seg";

    /// <summary>Five blocks in one segment; returns the record offsets and the final length.</summary>
    private static (Dictionary<ulong, long> Offsets, long Length) WriteFive(TempDirectory dir)
    {
        using var store = BlockStore.Open(dir.Path, out _);
        var offsets = Blocks.AppendRange(store, 1, 5);
        return (offsets, new FileInfo(dir.File(Segment0)).Length);
    }

    [Theory]
    [InlineData("length", 1, 3)]
    [InlineData("crc", 4, 7)]
    [InlineData("height", 8, 15)]
    [InlineData("payload", 16, -1)]
    public void A_torn_tail_is_truncated_to_the_last_good_block_and_appending_continues(string region, int from, int to)
    {
        using var golden = new TempDirectory();
        var (offsets, length) = WriteFive(golden);
        var start = offsets[5];
        var end = to < 0 ? length - start - 1 : to;
        Assert.True(end >= from, region);

        for (long cut = start + from; cut <= start + end; cut++)
        {
            using var dir = golden.CopyTo();
            Blocks.Truncate(dir.File(Segment0), cut);

            using (var store = BlockStore.Open(dir.Path, out var report))
            {
                var torn = Assert.IsType<TruncatedTail>(Assert.Single(report.Events, e => e is TruncatedTail));
                Assert.Equal(dir.File(Segment0), torn.File);
                Assert.Equal(start, torn.Offset);
                Assert.Equal(cut - start, torn.BytesDropped);
                Assert.Contains(Segment0, torn.Message, StringComparison.Ordinal);
                Assert.Equal(start, new FileInfo(dir.File(Segment0)).Length);

                // The index entries of block 5 were written before its record, so they are dropped too.
                Assert.Equal(4ul, store.LastHeight);
                Assert.False(store.TryFindTransaction(Blocks.TxsOf(5)[0], out _));
                Assert.True(store.TryFindTransaction(Blocks.TxsOf(4)[0], out _));
                Assert.True(store.TryRead(4, out var four));
                Assert.Equal(Blocks.Payload(4), four);

                store.Append(5, Blocks.Payload(5), Blocks.TxsOf(5));
                store.Append(6, Blocks.Payload(6), Blocks.TxsOf(6));
            }

            using (var reopened = BlockStore.Open(dir.Path, out var clean))
            {
                Assert.True(clean.IsClean, clean.ToString());
                Assert.Equal(6ul, reopened.LastHeight);
                Assert.True(reopened.TryRead(5, out var five));
                Assert.Equal(Blocks.Payload(5), five);
                Assert.True(reopened.TryFindTransaction(Blocks.TxsOf(5)[1], out var location));
                Assert.Equal(new TxLocation(5, 1), location);
            }
        }
    }

    [Fact]
    public void A_cut_exactly_at_a_record_boundary_needs_no_repair()
    {
        using var dir = new TempDirectory();
        var (offsets, _) = WriteFive(dir);
        Blocks.Truncate(dir.File(Segment0), offsets[5]);

        using var store = BlockStore.Open(dir.Path, out var report);
        Assert.DoesNotContain(report.Events, e => e is TruncatedTail);
        Assert.Equal(4ul, store.LastHeight);
    }

    [Fact]
    public void Zero_filled_space_after_the_last_record_is_truncated()
    {
        using var dir = new TempDirectory();
        var (_, length) = WriteFive(dir);
        using (var stream = new FileStream(dir.File(Segment0), FileMode.Append))
        {
            stream.Write(new byte[4096]);
        }

        using var store = BlockStore.Open(dir.Path, out var report);
        var torn = Assert.IsType<TruncatedTail>(Assert.Single(report.Events));
        Assert.Equal(length, torn.Offset);
        Assert.Equal(4096, torn.BytesDropped);
        Assert.Equal(5ul, store.LastHeight);
    }

    [Fact]
    public void A_checksum_failure_in_the_final_record_is_treated_as_a_torn_tail()
    {
        using var dir = new TempDirectory();
        var (offsets, _) = WriteFive(dir);
        Blocks.FlipByte(dir.File(Segment0), offsets[5] + BlockStore.RecordHeaderSize + 3);

        using var store = BlockStore.Open(dir.Path, out var report);
        var torn = Assert.IsType<TruncatedTail>(Assert.Single(report.Events, e => e is TruncatedTail));
        Assert.Equal(offsets[5], torn.Offset);
        Assert.Contains("CRC32C mismatch", torn.Reason, StringComparison.Ordinal);
        Assert.Equal(4ul, store.LastHeight);
    }

    [Fact]
    public void A_flipped_byte_in_a_middle_record_makes_open_fail_naming_the_file_and_offset()
    {
        using var dir = new TempDirectory();
        var (offsets, length) = WriteFive(dir);
        Blocks.FlipByte(dir.File(Segment0), offsets[3] + BlockStore.RecordHeaderSize + 7);

        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains(dir.File(Segment0), e.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {offsets[3]}", e.Message, StringComparison.Ordinal);
        Assert.Contains("CRC32C mismatch", e.Message, StringComparison.Ordinal);
        Assert.Contains($"follows at byte offset {offsets[4]}", e.Message, StringComparison.Ordinal);
        Assert.Equal(offsets[3], e.Offset);

        // Nothing was truncated, and the directory can be opened again once repaired.
        Assert.Equal(length, new FileInfo(dir.File(Segment0)).Length);
        Blocks.FlipByte(dir.File(Segment0), offsets[3] + BlockStore.RecordHeaderSize + 7);
        using var store = BlockStore.Open(dir.Path, out var report);
        Assert.True(report.IsClean);
    }

    [Fact]
    public void A_corrupted_length_in_a_middle_record_is_not_mistaken_for_a_torn_tail()
    {
        using var dir = new TempDirectory();
        var (offsets, length) = WriteFive(dir);
        Blocks.Patch(dir.File(Segment0), offsets[2], Blocks.U32(1_000_000));

        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains(Segment0, e.Message, StringComparison.Ordinal);
        Assert.Equal(offsets[2], e.Offset);
        Assert.Equal(length, new FileInfo(dir.File(Segment0)).Length);
    }

    [Fact]
    public void A_flipped_byte_in_a_sealed_segment_makes_open_fail_even_at_its_last_record()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { SegmentSize = 1024 };
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 30);
            Assert.True(store.SegmentCount >= 3);
        }

        var first = dir.File(Segment0);
        var length = new FileInfo(first).Length;
        Blocks.FlipByte(first, length - 1);

        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, options, out _));
        Assert.Contains(Segment0, e.Message, StringComparison.Ordinal);
        Assert.Contains("later segments exist", e.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(first).Length);
    }

    [Fact]
    public void A_height_gap_makes_open_fail()
    {
        using var dir = new TempDirectory();
        var (offsets, _) = WriteFive(dir);
        var payload = Blocks.Payload(3);
        Blocks.Patch(dir.File(Segment0), offsets[3] + 4, Blocks.U32(BlockStore.RecordCrc(7, payload)));
        Blocks.Patch(dir.File(Segment0), offsets[3] + 8, Blocks.U64(7));

        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains("height gap", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected block 3", e.Message, StringComparison.Ordinal);
        Assert.Equal(offsets[3], e.Offset);
    }

    [Fact]
    public void A_bad_segment_header_makes_open_fail()
    {
        using var dir = new TempDirectory();
        WriteFive(dir);
        Blocks.Patch(dir.File(Segment0), 0, "XXXXXXXX"u8);

        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, out _));
        Assert.Contains(Segment0, e.Message, StringComparison.Ordinal);
        Assert.Contains("bad segment header", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void A_missing_middle_segment_makes_open_fail()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { SegmentSize = 1024 };
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 30);
        }

        File.Delete(dir.File("blocks-000001.seg"));
        var e = Assert.Throws<StoreCorruptedException>(() => BlockStore.Open(dir.Path, options, out _));
        Assert.Contains("blocks-000001.seg", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_segment_cut_inside_its_header_is_removed_and_recreated()
    {
        using var dir = new TempDirectory();
        var options = new BlockStoreOptions { SegmentSize = 1024 };
        int segments;
        using (var store = BlockStore.Open(dir.Path, options, out _))
        {
            Blocks.AppendRange(store, 1, 30);
            segments = store.SegmentCount;
        }

        // Simulate a crash while the next segment was being created.
        var next = dir.File(BlockStore.SegmentFileName(segments));
        File.WriteAllBytes(next, "RTBL"u8.ToArray());

        using (var store = BlockStore.Open(dir.Path, options, out var report))
        {
            var removed = Assert.IsType<IncompleteSegmentRemoved>(Assert.Single(report.Events));
            Assert.Equal(next, removed.File);
            Assert.False(File.Exists(next));
            Assert.Equal(30ul, store.LastHeight);
            Blocks.AppendRange(store, 31, 40);
        }

        using var reopened = BlockStore.Open(dir.Path, options, out var clean);
        Assert.True(clean.IsClean);
        Assert.Equal(40ul, reopened.LastHeight);
    }

    [Fact]
    public void A_store_torn_back_to_nothing_accepts_a_new_first_block()
    {
        using var dir = new TempDirectory();
        using (var store = BlockStore.Open(dir.Path, out _))
        {
            store.Append(1, Blocks.Payload(1), Blocks.TxsOf(1));
        }

        Blocks.Truncate(dir.File(Segment0), StorageFormat.FileHeaderSize + 5);
        using var reopened = BlockStore.Open(dir.Path, out var report);
        Assert.Contains(report.Events, e => e is TruncatedTail);
        Assert.Equal(0ul, reopened.LastHeight);
        Assert.Equal(0, reopened.Count);
        reopened.Append(1, Blocks.Payload(1), Blocks.TxsOf(1));
        Assert.Equal(1ul, reopened.LastHeight);
    }
}
