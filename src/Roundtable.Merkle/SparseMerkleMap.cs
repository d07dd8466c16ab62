using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle;

/// <summary>
/// The authenticated key-value map whose <see cref="Root"/> goes into every block header.
/// <para>
/// A binary sparse Merkle trie of depth 256 over key path = SHA-256(key), compacted as in
/// Diem/Aptos Jellyfish trees: an empty subtree hashes to <see cref="Hash256.Zero"/>; a subtree
/// with exactly one leaf is that leaf's hash, SHA-256(0x00 ‖ keyPath ‖ SHA-256(value)); any other
/// subtree is SHA-256(0x01 ‖ left ‖ right). The empty map's root is <see cref="Hash256.Zero"/>.
/// See docs/merkle.md.
/// </para>
/// <para>
/// Both the trie and the ordered key index are persistent (path-copying) trees: an update
/// allocates O(log n) nodes, <see cref="Root"/> rehashes only the paths changed since it was last
/// read, and <see cref="Clone"/> is O(1). Nodes this instance made since it was last cloned or
/// enumerated are seen by nobody else, so further updates change them in place instead of copying
/// them again: a block's thousands of writes copy each node near the root once. Keys and values
/// are copied on the way in and on the way out, so callers can never change the stored state
/// behind the root's back; the two exceptions, <see cref="TryGetStored"/> and
/// <see cref="SetOwned"/>, hand out read-only memory and take over an array its caller gives up.
/// Writes reach the trie when it is next read (<see cref="Root"/>, <see cref="Prove"/>,
/// <see cref="Clone"/>), all in one pass, so such a read after a write is itself a change to the
/// instance. An instance is not safe for concurrent mutation; distinct clones may be used from
/// different threads, and a clone starts with every write in its trie.
/// </para>
/// </summary>
public sealed class SparseMerkleMap
{
    /// <summary>Longest key accepted, in bytes.</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Longest value accepted, in bytes (1 MiB).</summary>
    public const int MaxValueLength = 1 << 20;

    /// <summary>Domain-separation prefix of a leaf hash.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Domain-separation prefix of an interior node hash.</summary>
    public const byte NodePrefix = 0x01;

    // Eight subtrees of the trie, and the key index, make nine pieces of a load: enough to keep a
    // few cores busy, few enough that the levels above them cost nothing.
    private const int LoadSplitDepth = 3;

    private IndexNode? _index;
    private TrieNode? _trie;
    private int _count;

    // Writes not yet in the trie, in the order made (a null value removes the key). Nothing reads
    // the trie between a block's first write and its root, so the block's writes go in together
    // (Flush): one sorted pass visits each node once, however many writes pass below it, where a
    // walk from the root per write repeated the levels they share; a key written twice costs one
    // update, and no hash of a value later overwritten is taken.
    private readonly List<(Hash256 Path, byte[]? Value)> _pending = [];

    // The token on the nodes this instance may still change in place. Replaced whenever the
    // current nodes become visible elsewhere (a clone, an enumeration), which freezes them.
    private object _edit = new();

    /// <summary>Creates an empty map.</summary>
    public SparseMerkleMap()
    {
    }

    private SparseMerkleMap(IndexNode? index, TrieNode? trie, int count)
    {
        _index = index;
        _trie = trie;
        _count = count;
    }

    /// <summary>The root hash; subtrees changed since the last read are rehashed, nothing else.</summary>
    public Hash256 Root => SparseMerkleTrie.HashOf(Trie());

    /// <summary>Number of keys.</summary>
    public int Count => _count;

    /// <summary>
    /// Counts this instance's changes: equal on two reads when nothing was set or removed in
    /// between, so a reader may keep what it derived from the map until it moves. A clone starts
    /// from its source's count; counts of different instances say nothing about each other.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>The path of <paramref name="key"/> in the trie: SHA-256(key).</summary>
    public static Hash256 KeyPath(ReadOnlySpan<byte> key) => Hash256.Compute(key);

    /// <summary>The leaf hash SHA-256(0x00 ‖ <paramref name="keyPath"/> ‖ <paramref name="valueHash"/>).</summary>
    public static Hash256 HashLeaf(Hash256 keyPath, Hash256 valueHash) => SparseMerkleTrie.HashLeaf(keyPath, valueHash);

    /// <summary>The interior node hash SHA-256(0x01 ‖ <paramref name="left"/> ‖ <paramref name="right"/>).</summary>
    public static Hash256 HashNode(Hash256 left, Hash256 right) => SparseMerkleTrie.HashBranch(left, right);

    /// <summary>
    /// Builds a map from entries in strictly increasing key order (ordinal bytes), as written by
    /// <see cref="EnumerateOrdered"/>: the snapshot loader. Linear apart from sorting the key paths.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is null, out of order, duplicated, or over the size limits.</exception>
    public static SparseMerkleMap LoadSorted(IEnumerable<KeyValuePair<byte[], byte[]>> entries) => Load(entries, adopt: false, RunInOrder);

    /// <summary>
    /// As <see cref="LoadSorted"/>, but the map keeps the entries' arrays instead of copying them
    /// (for entries read fresh from a snapshot file, whose millions of keys and values would
    /// otherwise be allocated and copied twice), and the caller schedules the build. Each entry is
    /// hashed as it is enumerated, so an enumeration fed by a file still arriving hashes while it
    /// waits. Then <paramref name="runIndependent"/> is handed the rest of the work in pieces that
    /// share nothing (the key index, and subtrees of the trie each sorted, built and hashed on its
    /// own) to run in any order, on as many threads as it likes, returning when all have run.
    /// The map is the same whatever the schedule. The caller hands the arrays over and must never
    /// change them.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is null, out of order, duplicated, or over the size limits (from a piece: as <paramref name="runIndependent"/> reports it).</exception>
    public static SparseMerkleMap AdoptSorted(IEnumerable<KeyValuePair<byte[], byte[]>> entries, Action<Action[]>? runIndependent = null) =>
        Load(entries, adopt: true, runIndependent ?? RunInOrder);

    private static SparseMerkleMap Load(IEnumerable<KeyValuePair<byte[], byte[]>> entries, bool adopt, Action<Action[]> runIndependent)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var capacity = entries.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var keys = new List<byte[]>(capacity);
        var values = new List<byte[]>(capacity);
        var leaves = new List<TrieLeaf>(capacity);
        byte[]? previous = null;
        foreach (var (key, value) in entries)
        {
            if (key is null || value is null)
            {
                throw new ArgumentException($"Entry {keys.Count} has a null key or value.", nameof(entries));
            }

            ValidateKey(key, nameof(entries));
            ValidateValue(value, nameof(entries));
            if (previous is not null && SortedIndex.Compare(previous, key) >= 0)
            {
                throw new ArgumentException($"Entry {keys.Count} is not in strictly increasing key order.", nameof(entries));
            }

            var kept = adopt ? key : (byte[])key.Clone();
            keys.Add(kept);
            values.Add(adopt ? value : (byte[])value.Clone());
            leaves.Add(new TrieLeaf(KeyPath(kept), Hash256.Compute(value)));
            previous = kept;
        }

        var trie = new TrieBuilder(leaves, LoadSplitDepth);
        IndexNode? index = null;
        var (keyArray, valueArray) = (keys.ToArray(), values.ToArray());
        runIndependent([() => index = SortedIndex.BuildSorted(keyArray, valueArray, 0, keyArray.Length), .. trie.Pieces()]);
        return new SparseMerkleMap(index, trie.Assemble(), keyArray.Length);
    }

    private static void RunInOrder(Action[] pieces)
    {
        foreach (var piece in pieces)
        {
            piece();
        }
    }

    /// <summary>True and a copy of the value when <paramref name="key"/> is present.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out byte[] value)
    {
        var node = SortedIndex.Find(_index, key);
        if (node is null)
        {
            value = null;
            return false;
        }

        value = (byte[])node.Value.Clone();
        return true;
    }

    /// <summary>A copy of the value of <paramref name="key"/>, or null when it is absent.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key) => TryGet(key, out var value) ? value : null;

    /// <summary>
    /// True and the stored value of <paramref name="key"/> itself, without a copy: for readers that
    /// only decode it, on the paths every transaction takes. The map never changes bytes it holds
    /// (an update stores a new array), so the memory stays as it is for as long as it is kept.
    /// </summary>
    public bool TryGetStored(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> value)
    {
        var node = SortedIndex.Find(_index, key);
        value = node?.Value;
        return node is not null;
    }

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(ReadOnlySpan<byte> key) => SortedIndex.Find(_index, key) is not null;

    /// <summary>Maps <paramref name="key"/> to a copy of <paramref name="value"/>, adding or replacing.</summary>
    /// <exception cref="ArgumentException">The key is empty or longer than <see cref="MaxKeyLength"/>, or the value is longer than <see cref="MaxValueLength"/>.</exception>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Store(key, value, owned: null);

    /// <summary>
    /// As <see cref="Set"/>, but the map keeps <paramref name="value"/> itself instead of a copy:
    /// for a value encoded for this write alone. The caller hands the array over and must never change it.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Set"/>.</exception>
    public void SetOwned(ReadOnlySpan<byte> key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Store(key, value, value);
    }

    private void Store(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, byte[]? owned)
    {
        ValidateKey(key, nameof(key));
        ValidateValue(value, nameof(value));

        // One walk finds the key and writes it; an equal value leaves the map as it was.
        var stored = owned ?? value.ToArray();
        _index = SortedIndex.Set(_index, key, stored, out var write, _edit);
        if (write == IndexWrite.Unchanged)
        {
            return;
        }

        _pending.Add((KeyPath(key), stored));
        Version++;
        if (write == IndexWrite.Added)
        {
            _count++;
        }
    }

    /// <summary>Removes <paramref name="key"/>; false when it was absent.</summary>
    public bool Remove(ReadOnlySpan<byte> key)
    {
        _index = SortedIndex.Remove(_index, key, out var removed, _edit);
        if (!removed)
        {
            return false;
        }

        _pending.Add((KeyPath(key), null));
        _count--;
        Version++;
        return true;
    }

    /// <summary>
    /// Every entry in ordinal key order, as copies. Enumerates the map as it is at this call;
    /// later updates are not seen.
    /// </summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumerateOrdered() => Enumerate(Freeze(), [], []);

    /// <summary>
    /// The entries whose key starts with <paramref name="prefix"/>, in ordinal key order, as copies.
    /// Enumerates the map as it is at this call; later updates are not seen.
    /// </summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumeratePrefix(ReadOnlySpan<byte> prefix) => Enumerate(Freeze(), prefix.ToArray(), prefix.ToArray());

    /// <summary>
    /// The entries whose key starts with <paramref name="prefix"/> and is at least
    /// <paramref name="from"/>, in ordinal key order, as copies: a long walk resumes where it
    /// stopped in O(log n) instead of from the prefix's first key.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> does not start with <paramref name="prefix"/>.</exception>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumeratePrefix(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> from) =>
        from.StartsWith(prefix)
            ? Enumerate(Freeze(), from.ToArray(), prefix.ToArray())
            : throw new ArgumentException("The starting key does not start with the prefix.", nameof(from));

    /// <summary>An independent copy, in O(1): updates to either never show in the other.</summary>
    public SparseMerkleMap Clone()
    {
        var trie = Trie();
        Freeze();
        return new SparseMerkleMap(_index, trie, _count) { Version = Version };
    }

    /// <summary>
    /// A proof about <paramref name="key"/> against <see cref="Root"/>: verifies with
    /// <see cref="StateProof.VerifyMembership"/> when the key is present, with
    /// <see cref="StateProof.VerifyNonMembership"/> when it is not.
    /// </summary>
    public StateProof Prove(ReadOnlySpan<byte> key) => SparseMerkleTrie.Prove(Trie(), KeyPath(key));

    /// <summary>Checks the internal invariants of both trees (tests).</summary>
    internal void CheckInvariants()
    {
        var indexCount = SortedIndex.CountAndCheck(_index);
        var trieCount = SparseMerkleTrie.CountAndCheck(Trie());
        if (indexCount != _count || trieCount != _count)
        {
            throw new InvalidOperationException($"Count {_count}, index {indexCount}, trie {trieCount}.");
        }
    }

    // The trie with every pending write in it. Sorted by path with the order made as the tie-break,
    // so the last write of a key wins: the same trie whatever order the writes came in.
    private TrieNode? Trie()
    {
        if (_pending.Count == 0)
        {
            return _trie;
        }

        var order = new int[_pending.Count];
        var paths = new Hash256[_pending.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            paths[i] = _pending[i].Path;
        }

        Array.Sort(order, (a, b) => paths[a].CompareTo(paths[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var updates = new List<TrieUpdate>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            if (i + 1 < order.Length && paths[order[i + 1]] == paths[order[i]])
            {
                continue; // a later write of the same key follows
            }

            var (path, value) = _pending[order[i]];
            updates.Add(new TrieUpdate(path, value is null ? null : new TrieLeaf(path, Hash256.Compute(value))));
        }

        _trie = SparseMerkleTrie.Merge(_trie, CollectionsMarshal.AsSpan(updates), _edit);
        _pending.Clear();
        return _trie;
    }

    // From now on this instance copies the nodes it has, so others may hold them: the index root is
    // returned for a lazy walk that later updates must not disturb.
    private IndexNode? Freeze()
    {
        _edit = new object();
        return _index;
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> Enumerate(IndexNode? root, byte[] lowerBound, byte[] prefix)
    {
        foreach (var node in SortedIndex.EnumerateFrom(root, lowerBound, prefix))
        {
            yield return new KeyValuePair<byte[], byte[]>((byte[])node.Key.Clone(), (byte[])node.Value.Clone());
        }
    }

    private static void ValidateKey(ReadOnlySpan<byte> key, string paramName)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw new ArgumentException($"A key is 1 to {MaxKeyLength} bytes, got {key.Length}.", paramName);
        }
    }

    private static void ValidateValue(ReadOnlySpan<byte> value, string paramName)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"A value is at most {MaxValueLength} bytes, got {value.Length}.", paramName);
        }
    }
}
