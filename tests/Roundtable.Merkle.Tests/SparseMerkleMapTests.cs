using System.Text;
using Roundtable.Core.Hashing;
using Roundtable.Merkle.Tests.Support;

namespace Roundtable.Merkle.Tests;

public class SparseMerkleMapTests
{
    [Fact]
    public void EmptyMap_HasZeroRootAndNoEntries()
    {
        var map = new SparseMerkleMap();
        Assert.Equal(Hash256.Zero, map.Root);
        Assert.Equal(0, map.Count);
        Assert.Empty(map.EnumerateOrdered());
        Assert.Null(map.Get([1]));
        Assert.False(map.Remove([1]));
    }

    [Fact]
    public void SingleKeyMap_RootIsThatKeysLeafHash()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("alice"), Utf8("1"));

        var expected = SparseMerkleMap.HashLeaf(SparseMerkleMap.KeyPath(Utf8("alice")), Hash256.Compute(Utf8("1")));
        Assert.Equal(expected, map.Root);
        Assert.Equal(NaiveSparseMerkle.LeafHash(NaiveSparseMerkle.KeyPath(Utf8("alice")), Sha(Utf8("1"))), map.Root.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Root_EqualsNaiveReference_OnRandomMaps(int size)
    {
        var random = new Random(size);
        var entries = RandomEntries(random, size);
        var map = new SparseMerkleMap();
        foreach (var (k, v) in entries)
        {
            map.Set(k, v);
        }

        Assert.Equal(size, map.Count);
        Assert.Equal(NaiveSparseMerkle.RootOfMap(entries), map.Root.ToArray());
        Assert.Equal(NaiveSparseMerkle.RootOfMap(entries), SparseMerkleMap.LoadSorted(entries).Root.ToArray());
        map.CheckInvariants();
    }

    [Fact]
    public void Root_IsIndependentOfInsertionOrder()
    {
        var random = new Random(11);
        var entries = RandomEntries(random, 300).ToArray();
        var expected = SparseMerkleMap.LoadSorted(entries).Root;
        for (var trial = 0; trial < 8; trial++)
        {
            var shuffled = entries.ToArray();
            random.Shuffle(shuffled);
            var map = new SparseMerkleMap();
            foreach (var (k, v) in shuffled)
            {
                map.Set(k, v);
            }

            Assert.Equal(expected, map.Root);
        }
    }

    [Fact]
    public void SetThenRemove_ReturnsToThePreviousRoot()
    {
        var random = new Random(12);
        var map = SparseMerkleMap.LoadSorted(RandomEntries(random, 200));
        var before = map.Root;
        var extra = RandomEntries(random, 50);
        foreach (var (k, v) in extra)
        {
            map.Set(k, v);
        }

        Assert.NotEqual(before, map.Root);
        foreach (var (k, _) in extra)
        {
            Assert.True(map.Remove(k));
        }

        Assert.Equal(before, map.Root);
        Assert.Equal(200, map.Count);
        map.CheckInvariants();
    }

    [Fact]
    public void RemovingEveryKey_InAnyOrder_ReturnsToTheEmptyRoot()
    {
        var random = new Random(13);
        var entries = RandomEntries(random, 100).ToArray();
        var map = SparseMerkleMap.LoadSorted(entries);
        random.Shuffle(entries);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.True(map.Remove(entries[i].Key));
            Assert.False(map.Remove(entries[i].Key));
            if (i % 10 == 0)
            {
                Assert.Equal(NaiveSparseMerkle.RootOfMap(entries[(i + 1)..]), map.Root.ToArray());
                map.CheckInvariants();
            }
        }

        Assert.Equal(Hash256.Zero, map.Root);
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void OverwritingAValue_ChangesTheRoot_AndRestoringItRestoresTheRoot()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("alice"), Utf8("1"));
        map.Set(Utf8("bob"), Utf8("2"));
        var before = map.Root;

        map.Set(Utf8("bob"), Utf8("3"));
        Assert.NotEqual(before, map.Root);
        Assert.Equal(2, map.Count);
        Assert.Equal(Utf8("3"), map.Get(Utf8("bob")));

        map.Set(Utf8("bob"), Utf8("2"));
        Assert.Equal(before, map.Root);
    }

    [Fact]
    public void RandomOperations_MatchAReferenceModel()
    {
        var random = new Random(14);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        var map = new SparseMerkleMap();
        var keySpace = Enumerable.Range(0, 300).Select(i => RandomKey(random)).ToArray();
        for (var step = 0; step < 3000; step++)
        {
            RandomStep(random, keySpace, model, map);

            if (step % 250 == 0)
            {
                Assert.Equal(model.Count, map.Count);
                Assert.Equal(NaiveSparseMerkle.RootOfMap(model), map.Root.ToArray());
                Assert.Equal(model.ToList(), map.EnumerateOrdered().ToList(), KeyValueComparer.Instance);
                map.CheckInvariants();
            }
        }

        foreach (var key in keySpace)
        {
            Assert.Equal(model.TryGetValue(key, out var expected), map.TryGet(key, out var actual));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Set_CopiesItsInputs_AndReadsReturnCopies()
    {
        var map = new SparseMerkleMap();
        var key = Utf8("k");
        var value = Utf8("v1");
        map.Set(key, value);
        var root = map.Root;

        key[0] = (byte)'x';
        value[1] = (byte)'9';
        Assert.Equal(Utf8("v1"), map.Get(Utf8("k")));

        map.Get(Utf8("k"))![0] = 0;
        Assert.True(map.TryGet(Utf8("k"), out var read));
        read[0] = 0;
        foreach (var (k, v) in map.EnumerateOrdered())
        {
            k[0] = 0;
            v[0] = 0;
        }

        Assert.Equal(Utf8("v1"), map.Get(Utf8("k")));
        Assert.Equal(root, map.Root);
        Assert.True(map.Prove(Utf8("k")).VerifyMembership(root, Utf8("k"), Utf8("v1")));
    }

    [Fact]
    public void TryGetStored_reads_the_value_without_a_copy_and_an_update_never_changes_what_was_read()
    {
        var map = new SparseMerkleMap();
        map.Set(Utf8("k"), Utf8("v1"));

        Assert.True(map.TryGetStored(Utf8("k"), out var first));
        Assert.True(map.TryGetStored(Utf8("k"), out var again));
        Assert.True(first.Span == again.Span, "two reads of an unchanged key see the same stored bytes");
        Assert.False(map.TryGetStored(Utf8("absent"), out var none));
        Assert.True(none.IsEmpty);

        map.Set(Utf8("k"), Utf8("v2"));
        Assert.Equal(Utf8("v1"), first.ToArray());
        Assert.True(map.TryGetStored(Utf8("k"), out var updated));
        Assert.Equal(Utf8("v2"), updated.ToArray());
    }

    [Fact]
    public void SetOwned_keeps_the_given_array_and_builds_the_same_root_as_Set()
    {
        var owned = new SparseMerkleMap();
        var copied = new SparseMerkleMap();
        var value = Utf8("v1");
        owned.SetOwned(Utf8("k"), value);
        copied.Set(Utf8("k"), Utf8("v1"));

        Assert.Equal(copied.Root, owned.Root);
        Assert.True(owned.TryGetStored(Utf8("k"), out var stored));
        Assert.True(stored.Span == value.AsSpan(), "the map holds the handed-over array itself");
        Assert.Throws<ArgumentException>(() => owned.SetOwned([], [1]));
        Assert.Throws<ArgumentException>(() => owned.SetOwned([1], new byte[SparseMerkleMap.MaxValueLength + 1]));
        owned.CheckInvariants();
    }

    [Fact]
    public void Version_moves_on_every_change_and_only_then()
    {
        var map = new SparseMerkleMap();
        var start = map.Version;
        map.Set(Utf8("k"), Utf8("v1"));
        var afterSet = map.Version;
        Assert.NotEqual(start, afterSet);

        map.Set(Utf8("k"), Utf8("v1"));
        _ = map.Get(Utf8("k"));
        Assert.False(map.Remove(Utf8("absent")));
        Assert.Equal(afterSet, map.Version);

        var clone = map.Clone();
        Assert.Equal(afterSet, clone.Version);
        map.SetOwned(Utf8("k"), Utf8("v2"));
        Assert.NotEqual(afterSet, map.Version);
        Assert.Equal(afterSet, clone.Version);

        var beforeRemove = map.Version;
        Assert.True(map.Remove(Utf8("k")));
        Assert.NotEqual(beforeRemove, map.Version);
    }

    [Fact]
    public void Set_EnforcesKeyAndValueSizeLimits()
    {
        var map = new SparseMerkleMap();
        Assert.Throws<ArgumentException>(() => map.Set([], [1]));
        Assert.Throws<ArgumentException>(() => map.Set(new byte[SparseMerkleMap.MaxKeyLength + 1], [1]));
        Assert.Throws<ArgumentException>(() => map.Set([1], new byte[SparseMerkleMap.MaxValueLength + 1]));
        Assert.Equal(0, map.Count);
        Assert.Equal(Hash256.Zero, map.Root);

        map.Set(new byte[SparseMerkleMap.MaxKeyLength], new byte[SparseMerkleMap.MaxValueLength]);
        map.Set([1], []);
        Assert.Equal(2, map.Count);
        Assert.Equal(Array.Empty<byte>(), map.Get([1]));
    }

    [Fact]
    public void EnumerateOrdered_FollowsOrdinalByteOrder()
    {
        var map = new SparseMerkleMap();
        byte[][] keys = [[2], [1, 0], [1], [0xFF], [1, 0, 0], [0x7F, 0xFF], [0x80]];
        foreach (var k in keys)
        {
            map.Set(k, k);
        }

        byte[][] expected = [[1], [1, 0], [1, 0, 0], [2], [0x7F, 0xFF], [0x80], [0xFF]];
        Assert.Equal(expected, map.EnumerateOrdered().Select(e => e.Key));
        Assert.Equal(expected, map.EnumerateOrdered().Select(e => e.Value));
    }

    [Fact]
    public void EnumeratePrefix_ReturnsExactlyTheMatchingKeys_InOrder()
    {
        var random = new Random(15);
        var map = new SparseMerkleMap();
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        string[] prefixes = ["member/", "member/x", "proposal/", "vote/", "m", "zone/"];
        for (var i = 0; i < 400; i++)
        {
            var key = Utf8(prefixes[random.Next(prefixes.Length)] + random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            var value = RandomValue(random);
            map.Set(key, value);
            model[key] = value;
        }

        foreach (var prefix in prefixes.Concat(["", "member/0", "member/9", "nothing", "member/xyz-longer-than-any", "\u00ff"]))
        {
            var p = Utf8(prefix);
            var expected = model.Where(e => e.Key.AsSpan().StartsWith(p)).ToList();
            Assert.Equal(expected, map.EnumeratePrefix(p).ToList(), KeyValueComparer.Instance);
        }
    }

    [Fact]
    public void EnumeratePrefix_FromAKey_ResumesAtTheFirstKeyNotBelowIt()
    {
        var map = new SparseMerkleMap();
        foreach (var key in new[] { "a/1", "f/1", "f/3", "f/5", "f/7", "g/1" })
        {
            map.Set(Utf8(key), Utf8(key));
        }

        string Keys(string from) => string.Join(' ', map.EnumeratePrefix(Utf8("f/"), Utf8(from)).Select(e => Encoding.UTF8.GetString(e.Key)));

        Assert.Equal("f/1 f/3 f/5 f/7", Keys("f/"));
        Assert.Equal("f/3 f/5 f/7", Keys("f/3"));
        Assert.Equal("f/5 f/7", Keys("f/4"));
        Assert.Equal("f/5 f/7", Keys("f/3\0"));
        Assert.Equal("", Keys("f/8"));
        Assert.Throws<ArgumentException>(() => map.EnumeratePrefix(Utf8("f/"), Utf8("a/9")));
    }

    [Fact]
    public void Enumeration_SeesTheMapAsItWasWhenCalled()
    {
        var map = new SparseMerkleMap();
        for (byte i = 1; i <= 10; i++)
        {
            map.Set([i], [i]);
        }

        var all = map.EnumerateOrdered();
        var prefixed = map.EnumeratePrefix([5]);
        map.Set([5, 5], [1]);
        map.Remove([3]);

        Assert.Equal(10, all.Count());
        Assert.Single(prefixed);
        Assert.Equal(10, map.EnumerateOrdered().Count());
        Assert.Equal(2, map.EnumeratePrefix([5]).Count());
    }

    [Fact]
    public void LoadSorted_EqualsIncrementalBuild()
    {
        var random = new Random(16);
        foreach (var size in new[] { 0, 1, 2, 3, 64, 500 })
        {
            var entries = RandomEntries(random, size);
            var incremental = new SparseMerkleMap();
            foreach (var (k, v) in Enumerable.Reverse(entries))
            {
                incremental.Set(k, v);
            }

            var loaded = SparseMerkleMap.LoadSorted(entries);
            Assert.Equal(incremental.Root, loaded.Root);
            Assert.Equal(incremental.Count, loaded.Count);
            Assert.Equal(incremental.EnumerateOrdered().ToList(), loaded.EnumerateOrdered().ToList(), KeyValueComparer.Instance);
            loaded.CheckInvariants();

            // A snapshot written by EnumerateOrdered loads back to the same map.
            Assert.Equal(incremental.Root, SparseMerkleMap.LoadSorted(incremental.EnumerateOrdered()).Root);
        }
    }

    [Fact]
    public void AdoptSorted_builds_the_same_map_and_keeps_the_given_arrays_where_LoadSorted_copies_them()
    {
        var entries = RandomEntries(new Random(17), 300);

        var adopted = SparseMerkleMap.AdoptSorted(entries);
        var loaded = SparseMerkleMap.LoadSorted(entries);

        Assert.Equal(loaded.Root, adopted.Root);
        Assert.Equal(loaded.EnumerateOrdered().ToList(), adopted.EnumerateOrdered().ToList(), KeyValueComparer.Instance);
        adopted.CheckInvariants();

        // What the contract forbids shows the difference: the adopted map reads the caller's array.
        entries[7].Value[0] ^= 0xFF;
        Assert.Equal(entries[7].Value, adopted.Get(entries[7].Key));
        Assert.NotEqual(entries[7].Value, loaded.Get(entries[7].Key));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.AdoptSorted([entries[1], entries[0]]));
    }

    [Fact]
    public void LoadSorted_RefusesUnsortedDuplicateOrInvalidEntries()
    {
        KeyValuePair<byte[], byte[]> E(byte[] k, byte[] v) => new(k, v);
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([2], [1]), E([1], [1])]));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([1], [1]), E([1], [2])]));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([1, 0], [1]), E([1], [2])]));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([], [1])]));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([1], new byte[SparseMerkleMap.MaxValueLength + 1])]));
        Assert.Throws<ArgumentException>(() => SparseMerkleMap.LoadSorted([E([1], null!)]));
    }

    [Fact]
    public void LoadSorted_CopiesItsInputs()
    {
        var key = Utf8("k");
        var value = Utf8("v");
        var map = SparseMerkleMap.LoadSorted([new(key, value)]);
        var root = map.Root;
        key[0] = 0;
        value[0] = 0;
        Assert.Equal(Utf8("v"), map.Get(Utf8("k")));
        Assert.Equal(root, map.Root);
    }

    [Fact]
    public void Clone_IsIndependentInBothDirections()
    {
        var random = new Random(17);
        var original = SparseMerkleMap.LoadSorted(RandomEntries(random, 100));
        var rootBefore = original.Root;
        var entriesBefore = original.EnumerateOrdered().ToList();

        var clone = original.Clone();
        Assert.Equal(rootBefore, clone.Root);

        clone.Set(Utf8("new key"), Utf8("v"));
        clone.Remove(entriesBefore[0].Key);
        clone.Set(entriesBefore[1].Key, Utf8("changed"));
        var cloneRoot = clone.Root;

        Assert.Equal(rootBefore, original.Root);
        Assert.Equal(100, original.Count);
        Assert.Equal(entriesBefore, original.EnumerateOrdered().ToList(), KeyValueComparer.Instance);
        Assert.Null(original.Get(Utf8("new key")));

        original.Set(Utf8("other"), Utf8("x"));
        original.Remove(entriesBefore[2].Key);
        Assert.Equal(cloneRoot, clone.Root);
        Assert.Null(clone.Get(Utf8("other")));
        Assert.NotNull(clone.Get(entriesBefore[2].Key));
        original.CheckInvariants();
        clone.CheckInvariants();

        // Both still agree with an independent computation of their contents.
        Assert.Equal(NaiveSparseMerkle.RootOfMap(original.EnumerateOrdered()), original.Root.ToArray());
        Assert.Equal(NaiveSparseMerkle.RootOfMap(clone.EnumerateOrdered()), clone.Root.ToArray());
    }

    [Fact]
    public void Clones_taken_between_edits_keep_their_contents_and_roots_while_the_source_edits_in_place()
    {
        var random = new Random(21);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        var map = new SparseMerkleMap();
        var keySpace = Enumerable.Range(0, 400).Select(i => RandomKey(random)).ToArray();
        var clones = new List<(SparseMerkleMap Clone, List<KeyValuePair<byte[], byte[]>> Entries, Hash256 Root)>();
        for (var step = 0; step < 4000; step++)
        {
            RandomStep(random, keySpace, model, map);

            if (step % 97 == 0)
            {
                // Some roots are read before the clone, some not: cached hashes must not leak either way.
                var root = step % 2 == 0 ? map.Root : Hash256.FromBytes(NaiveSparseMerkle.RootOfMap(model));
                clones.Add((map.Clone(), [.. model], root));
            }
        }

        map.CheckInvariants();
        Assert.Equal(NaiveSparseMerkle.RootOfMap(model), map.Root.ToArray());
        foreach (var (clone, entries, root) in clones)
        {
            clone.CheckInvariants();
            Assert.Equal(entries, clone.EnumerateOrdered().ToList(), KeyValueComparer.Instance);
            Assert.Equal(root, clone.Root);
        }
    }

    [Fact]
    public void An_enumeration_in_progress_is_not_disturbed_by_writes_made_during_it()
    {
        var map = new SparseMerkleMap();
        for (var i = 0; i < 200; i++)
        {
            map.Set([(byte)(i >> 8), (byte)i], [1]);
        }

        // Writes under the same token as the walk's nodes would rotate them under the walk's feet.
        var seen = new List<byte[]>();
        foreach (var (key, _) in map.EnumerateOrdered())
        {
            seen.Add(key);
            map.Set([(byte)(seen.Count >> 8), (byte)seen.Count, 0], [2]);
            map.Remove([0, (byte)(seen.Count + 1)]);
        }

        Assert.Equal(200, seen.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => new[] { (byte)(i >> 8), (byte)i }), seen);
        map.CheckInvariants();
    }

    [Fact]
    public void Root_IsRecomputedAfterEveryKindOfUpdate_EvenWhenReadInBetween()
    {
        var random = new Random(18);
        var map = new SparseMerkleMap();
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        for (var i = 0; i < 60; i++)
        {
            var key = RandomKey(random);
            var value = RandomValue(random);
            map.Set(key, value);
            model[key] = value;
            Assert.Equal(NaiveSparseMerkle.RootOfMap(model), map.Root.ToArray());
        }
    }

    [Fact]
    public async Task ClonesSharingUnhashedNodes_ComputeTheSameRootOnConcurrentThreads()
    {
        var random = new Random(19);
        var map = SparseMerkleMap.LoadSorted(RandomEntries(random, 2000));
        foreach (var (k, v) in RandomEntries(random, 500))
        {
            map.Set(k, v);
        }

        // The 500 updates left dirty nodes that all clones share; hash them from several threads.
        var clones = Enumerable.Range(0, 4).Select(_ => map.Clone()).ToArray();
        var expected = NaiveSparseMerkle.RootOfMap(map.EnumerateOrdered());
        var roots = await Task.WhenAll(clones.Select(c => Task.Run(() => c.Root)));
        Assert.All(roots, r => Assert.Equal(expected, r.ToArray()));
        Assert.Equal(expected, map.Root.ToArray());
    }

    // One random removal or write of a key from the key space, to the map and its model alike.
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(2000)]
    public void Writes_gathered_between_reads_of_the_root_give_the_root_of_writing_them_one_by_one(int writesPerRead)
    {
        // A small key space makes one batch write a key several times, and set and remove it.
        var random = new Random(writesPerRead);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        var gathered = SparseMerkleMap.LoadSorted(RandomEntries(random, 500));
        foreach (var (k, v) in gathered.EnumerateOrdered())
        {
            model[k] = v;
        }

        var oneByOne = gathered.Clone();
        var keySpace = model.Keys.Take(250).Concat(Enumerable.Range(0, 100).Select(_ => RandomKey(random))).ToArray();
        for (var step = 1; step <= 4000; step++)
        {
            var key = keySpace[random.Next(keySpace.Length)];
            if (random.Next(3) == 0)
            {
                Assert.Equal(model.Remove(key), gathered.Remove(key));
                oneByOne.Remove(key);
            }
            else
            {
                var value = RandomValue(random);
                model[key] = value;
                gathered.Set(key, value);
                oneByOne.Set(key, value);
            }

            _ = oneByOne.Root;
            if (step % writesPerRead == 0)
            {
                Assert.Equal(oneByOne.Root, gathered.Root);
            }
        }

        Assert.Equal(NaiveSparseMerkle.RootOfMap(model), gathered.Root.ToArray());
        Assert.Equal(oneByOne.Root, gathered.Root);
        gathered.CheckInvariants();
    }

    [Fact]
    public void Proofs_and_clones_taken_right_after_writes_see_those_writes()
    {
        var random = new Random(21);
        var map = SparseMerkleMap.LoadSorted(RandomEntries(random, 300));
        _ = map.Root;
        var added = RandomKey(random);
        var removed = map.EnumerateOrdered().First().Key;
        map.Set(added, [1, 2, 3]);
        Assert.True(map.Remove(removed));

        var proofOfAdded = map.Prove(added);
        var clone = map.Clone();
        var proofOfRemoved = clone.Prove(removed);

        Assert.True(proofOfAdded.VerifyMembership(map.Root, added, [1, 2, 3]));
        Assert.True(proofOfRemoved.VerifyNonMembership(map.Root, removed));
        Assert.Equal(NaiveSparseMerkle.RootOfMap(clone.EnumerateOrdered()), clone.Root.ToArray());
        Assert.Equal(map.Root, clone.Root);
    }

    private static void RandomStep(Random random, byte[][] keySpace, SortedDictionary<byte[], byte[]> model, SparseMerkleMap map)
    {
        var key = keySpace[random.Next(keySpace.Length)];
        if (random.Next(3) == 0)
        {
            Assert.Equal(model.Remove(key), map.Remove(key));
        }
        else
        {
            var value = RandomValue(random);
            model[key] = value;
            map.Set(key, value);
        }
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    internal static byte[] Sha(byte[] data) => System.Security.Cryptography.SHA256.HashData(data);

    internal static List<KeyValuePair<byte[], byte[]>> RandomEntries(Random random, int count)
    {
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayOrdinal.Instance);
        while (model.Count < count)
        {
            model[RandomKey(random)] = RandomValue(random);
        }

        return [.. model];
    }

    internal static byte[] RandomKey(Random random)
    {
        var key = new byte[random.Next(1, 24)];
        random.NextBytes(key);
        return key;
    }

    internal static byte[] RandomValue(Random random)
    {
        var value = new byte[random.Next(0, 64)];
        random.NextBytes(value);
        return value;
    }
}
