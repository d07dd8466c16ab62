using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Storage.Tests;

public sealed class SnapshotStoreTests
{
    private static List<KeyValuePair<byte[], byte[]>> State(int count, int salt = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new KeyValuePair<byte[], byte[]>(
            Encoding.ASCII.GetBytes($"key/{i:D5}"),
            Encoding.ASCII.GetBytes($"value {i * 7} salt {salt}")))];

    private static Hash256 Root(ulong height) => Hash256.Compute(Blocks.U64(height));

    private static void AssertSameEntries(IReadOnlyList<KeyValuePair<byte[], byte[]>> expected, IReadOnlyList<KeyValuePair<byte[], byte[]>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Key, actual[i].Key);
            Assert.Equal(expected[i].Value, actual[i].Value);
        }
    }

    [Fact]
    public void A_saved_snapshot_loads_back_with_its_height_root_and_entries()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var state = State(3000);
        state.Insert(0, new KeyValuePair<byte[], byte[]>([], []));
        state.Add(new KeyValuePair<byte[], byte[]>([0xFF, .. new byte[1023]], new byte[1024 * 1024]));

        var saved = store.Save(42, Root(42), state);
        Assert.Equal(dir.File("snapshot-00000000000000000042.snap"), saved.FilePath);
        Assert.Equal(new FileInfo(saved.FilePath).Length, saved.FileLength);

        var loaded = new SnapshotStore(dir.Path).TryLoadLatest(out var entries, out var report);
        Assert.NotNull(loaded);
        Assert.True(report.IsClean);
        Assert.Equal(42ul, loaded.Height);
        Assert.Equal(Root(42), loaded.StateRoot);
        Assert.Equal(state.Count, loaded.EntryCount);
        Assert.Equal(saved, loaded);
        AssertSameEntries(state, entries);
    }

    [Fact]
    public void An_empty_state_round_trips()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(1, Hash256.Zero, []);
        var loaded = store.TryLoadLatest(out var entries, out _);
        Assert.NotNull(loaded);
        Assert.Equal(0, loaded.EntryCount);
        Assert.Empty(entries);
    }

    [Fact]
    public void Loading_with_no_snapshot_returns_null()
    {
        using var dir = new TempDirectory();
        var loaded = new SnapshotStore(dir.Path).TryLoadLatest(out var entries, out var report);
        Assert.Null(loaded);
        Assert.Empty(entries);
        Assert.True(report.IsClean);
    }

    [Fact]
    public void The_newest_valid_snapshot_is_chosen_when_the_newest_is_corrupted()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(100, Root(100), State(50, salt: 100));
        var newest = store.Save(200, Root(200), State(50, salt: 200));
        Blocks.FlipByte(newest.FilePath, newest.FileLength / 2);

        var loaded = store.TryLoadLatest(out var entries, out var report);

        Assert.NotNull(loaded);
        Assert.Equal(100ul, loaded.Height);
        AssertSameEntries(State(50, salt: 100), entries);
        var rejected = Assert.IsType<SnapshotRejected>(Assert.Single(report.Events));
        Assert.Equal(newest.FilePath, rejected.File);
        Assert.Contains("SHA-256 checksum mismatch", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("snapshot-00000000000000000200.snap", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(newest.FilePath + ".corrupt", rejected.QuarantinedAs);
        Assert.True(File.Exists(newest.FilePath + ".corrupt"));

        // The quarantined file is neither loaded again nor counted by retention.
        Assert.Equal([100ul], store.ListHeights());
        Assert.Equal(100ul, store.TryLoadLatest(out _, out var again)!.Height);
        Assert.True(again.IsClean);
    }

    [Fact]
    public void A_truncated_snapshot_is_skipped()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(1, Root(1), State(10));
        var newest = store.Save(2, Root(2), State(10));
        Blocks.Truncate(newest.FilePath, newest.FileLength - 40);

        var loaded = store.TryLoadLatest(out _, out var report);
        Assert.Equal(1ul, loaded!.Height);
        Assert.IsType<SnapshotRejected>(Assert.Single(report.Events));
    }

    [Fact]
    public void A_corrupt_length_is_rejected_without_allocating_it()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(1, Root(1), State(10));
        var newest = store.Save(2, Root(2), State(10));

        // The first entry's key length becomes 4 GiB - 16.
        Blocks.Patch(newest.FilePath, SnapshotStore.HeaderSize, Blocks.U32(0xFFFF_FFF0));
        var loaded = store.TryLoadLatest(out _, out var report);
        Assert.Equal(1ul, loaded!.Height);
        var rejected = Assert.IsType<SnapshotRejected>(Assert.Single(report.Events));
        Assert.Contains("key length 4294967280 exceeds the bound of 1024 bytes", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_entry_count_is_rejected_without_allocating_it()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var only = store.Save(7, Root(7), State(3));
        Blocks.Patch(only.FilePath, 56, Blocks.U64(ulong.MaxValue / 2));

        Assert.Null(store.TryLoadLatest(out var entries, out var report));
        Assert.Empty(entries);
        var rejected = Assert.IsType<SnapshotRejected>(Assert.Single(report.Events));
        Assert.Contains("entry count", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_file_leftovers_are_ignored_and_deleted()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(10, Root(10), State(5));
        var leftover = dir.File("snapshot-00000000000000000020.snap.tmp");
        File.WriteAllBytes(leftover, [1, 2, 3]);

        var loaded = store.TryLoadLatest(out _, out var report);

        Assert.Equal(10ul, loaded!.Height);
        var deleted = Assert.IsType<StaleFileDeleted>(Assert.Single(report.Events));
        Assert.Equal(leftover, deleted.File);
        Assert.False(File.Exists(leftover));

        File.WriteAllBytes(leftover, [1, 2, 3]);
        store.Save(11, Root(11), State(5));
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void Only_the_newest_snapshots_are_retained()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        for (ulong h = 1; h <= 5; h++)
        {
            store.Save(h * 10, Root(h * 10), State(5, (int)h));
        }

        Assert.Equal([40ul, 50ul], store.ListHeights());
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);

        var three = new SnapshotStore(dir.Path, new SnapshotStoreOptions { Retain = 3 });
        three.Save(60, Root(60), State(5));
        three.Save(70, Root(70), State(5));
        Assert.Equal([50ul, 60ul, 70ul], three.ListHeights());
    }

    [Fact]
    public void Saving_the_same_height_again_replaces_the_snapshot()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        store.Save(5, Root(5), State(5, salt: 1));
        store.Save(5, Root(6), State(6, salt: 2));

        var loaded = store.TryLoadLatest(out var entries, out _);
        Assert.Equal(Root(6), loaded!.StateRoot);
        AssertSameEntries(State(6, salt: 2), entries);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_refuses_unordered_duplicate_or_oversized_entries_and_leaves_nothing_behind()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var unordered = State(3);
        (unordered[0], unordered[1]) = (unordered[1], unordered[0]);
        Assert.Throws<ArgumentException>(() => store.Save(1, Root(1), unordered));

        var duplicate = State(3);
        duplicate.Add(duplicate[^1]);
        Assert.Throws<ArgumentException>(() => store.Save(1, Root(1), duplicate));

        Assert.Throws<ArgumentException>(() => store.Save(1, Root(1), [new([1], new byte[(1024 * 1024) + 1])]));
        Assert.Throws<ArgumentException>(() => store.Save(1, Root(1), [new(new byte[1025], [1])]));

        Assert.Empty(Directory.GetFiles(dir.Path));
        Assert.Null(store.TryLoadLatest(out _, out _));
    }

    [Fact]
    public void Entries_from_a_lazy_sequence_are_saved()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var state = State(100);
        store.Save(3, Root(3), state.Where(_ => true));
        store.TryLoadLatest(out var entries, out _);
        AssertSameEntries(state, entries);
    }

    [Fact]
    public void Entries_of_a_known_count_are_saved_from_a_lazy_sequence_and_a_wrong_count_leaves_nothing_behind()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var state = State(100);

        var info = store.Save(3, Root(3), state.Where(_ => true), state.Count);

        Assert.Equal(100, info.EntryCount);
        store.TryLoadLatest(out var entries, out _);
        AssertSameEntries(state, entries);

        Assert.Throws<ArgumentException>(() => store.Save(4, Root(4), state, state.Count + 1));
        Assert.Throws<ArgumentException>(() => store.Save(4, Root(4), state, state.Count - 1));
        Assert.Single(Directory.GetFiles(dir.Path));
        Assert.Equal(3UL, store.TryLoadLatest(out _, out _)!.Height);
    }

    [Fact]
    public void A_file_copied_from_another_store_verifies_and_is_adopted_under_its_height()
    {
        using var source = new TempDirectory();
        using var target = new TempDirectory();
        var state = State(500);
        var offered = new SnapshotStore(source.Path).Save(7, Root(7), state);
        var store = new SnapshotStore(target.Path);
        var download = Path.Combine(target.Path, "incoming.part");
        File.Copy(offered.FilePath, download);

        SnapshotInfo verified;
        List<KeyValuePair<byte[], byte[]>> entries;
        using (var stream = File.OpenRead(download))
        using (var reader = store.OpenForeign(stream, stream.Length, 7, download))
        {
            verified = reader.Info;
            entries = [.. reader.ReadEntries()];
        }

        store.Adopt(download, 7);

        Assert.Equal(Root(7), verified.StateRoot);
        AssertSameEntries(state, entries);
        Assert.False(File.Exists(download));
        Assert.Equal([7ul], store.ListHeights());
        Assert.Equal(store.PathOf(7), store.TryLoadLatest(out _, out _)!.FilePath);
    }

    [Fact]
    public void A_copied_file_with_a_flipped_byte_or_another_height_does_not_verify()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var saved = store.Save(7, Root(7), State(100));
        var copy = dir.File("copy.part");
        var bytes = File.ReadAllBytes(saved.FilePath);
        bytes[200] ^= 0x01;
        File.WriteAllBytes(copy, bytes);

        Assert.Throws<StoreCorruptedException>(() => ReadForeign(store, copy, 7));
        Assert.Throws<StoreCorruptedException>(() => ReadForeign(store, saved.FilePath, 8));
        Assert.True(File.Exists(copy)); // Reading moves and quarantines nothing: the caller decides.
    }

    [Fact]
    public void A_foreign_file_s_entries_stream_before_its_checksum_is_read_and_a_bad_checksum_ends_the_enumeration()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var saved = store.Save(7, Root(7), State(100));
        var bytes = File.ReadAllBytes(saved.FilePath);
        bytes[^1] ^= 0x01;
        using var stream = new MemoryStream(bytes);
        using var reader = store.OpenForeign(stream, bytes.Length, 7, "peer file");

        var streamed = 0;
        var failure = Assert.Throws<StoreCorruptedException>(() =>
        {
            foreach (var unused in reader.ReadEntries())
            {
                streamed++;
            }
        });

        Assert.Equal(100, streamed);
        Assert.Contains("checksum mismatch", failure.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => reader.ReadEntries());
    }

    private static List<KeyValuePair<byte[], byte[]>> ReadForeign(SnapshotStore store, string path, ulong height)
    {
        using var stream = File.OpenRead(path);
        using var reader = store.OpenForeign(stream, stream.Length, height, path);
        return [.. reader.ReadEntries()];
    }
}
