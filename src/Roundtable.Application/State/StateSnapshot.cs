using Roundtable.Core.Hashing;
using Roundtable.Merkle;

namespace Roundtable.Application.State;

/// <summary>
/// A frozen, read-only view of the state after block <see cref="Height"/>: the map is persistent,
/// so this costs O(1) and later blocks never change it. Proofs against a header need the state
/// the header's root commits to, which is one block behind the live state.
/// </summary>
public sealed class StateSnapshot
{
    private readonly SparseMerkleMap _map;

    internal StateSnapshot(ulong height, SparseMerkleMap map)
    {
        Height = height;
        _map = map;
        // Hash now, while the owner holds its lock, so readers on other threads never rehash shared nodes.
        StateRoot = map.Root;
    }

    /// <summary>Height of the last block executed into this state.</summary>
    public ulong Height { get; }

    /// <summary>The root that header <see cref="Height"/> + 1 carries.</summary>
    public Hash256 StateRoot { get; }

    /// <summary>How many entries the state holds.</summary>
    public int Count => _map.Count;

    /// <summary>Every entry in key order, read lazily: what a snapshot file holds.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumerateOrdered() => _map.EnumerateOrdered();

    /// <summary>The raw value at a key, or null.</summary>
    public byte[]? Get(byte[] key) => _map.Get(key);

    /// <summary>Every entry under <paramref name="prefix"/> in key order, read lazily.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumeratePrefix(byte[] prefix) => _map.EnumeratePrefix(prefix);

    /// <summary>Every entry under <paramref name="prefix"/> from key <paramref name="from"/> on, in key order, read lazily.</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not under <paramref name="prefix"/>.</exception>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumeratePrefix(byte[] prefix, byte[] from) => _map.EnumeratePrefix(prefix, from);

    /// <summary>A membership or non-membership proof for <paramref name="key"/> against <see cref="StateRoot"/>.</summary>
    public StateProof Prove(byte[] key) => _map.Prove(key);
}
