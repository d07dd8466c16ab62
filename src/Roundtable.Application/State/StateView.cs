using Roundtable.Core.Encoding;
using Roundtable.Merkle;

namespace Roundtable.Application.State;

/// <summary>
/// A write buffer over the committed map: a transaction's writes land here and reach the map
/// only when the transaction succeeds, so a failed transaction changes nothing.
/// </summary>
public sealed class StateView
{
    private readonly SparseMerkleMap _committed;
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);

    /// <summary>Creates a view over <paramref name="committed"/>.</summary>
    public StateView(SparseMerkleMap committed)
    {
        _committed = committed;
    }

    /// <summary>True when <paramref name="key"/> holds a value, buffered writes included.</summary>
    public bool Contains(byte[] key) =>
        _writes.TryGetValue(key, out var pending) ? pending is not null : _committed.ContainsKey(key);

    /// <summary>The decoded record at <paramref name="key"/>, or default.</summary>
    public T? Get<T>(byte[] key)
        where T : class, ICanonical<T>
    {
        if (_writes.TryGetValue(key, out var pending))
        {
            return pending is null ? null : Canonical.FromBytes<T>(pending);
        }

        // Decoded straight from the map's own bytes: every transaction reads several records.
        return _committed.TryGetStored(key, out var stored) ? Canonical.FromBytes<T>(stored.Span) : null;
    }

    /// <summary>Every entry whose key starts with <paramref name="prefix"/>, buffered writes included, in key order.</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]>> ScanPrefix(byte[] prefix)
    {
        var merged = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var (key, value) in _committed.EnumeratePrefix(prefix))
        {
            merged[key] = value;
        }

        foreach (var (key, value) in _writes)
        {
            if (key.AsSpan().StartsWith(prefix))
            {
                merged[key] = value;
            }
        }

        return [.. merged.Where(e => e.Value is not null).Select(e => new KeyValuePair<byte[], byte[]>(e.Key, e.Value!))];
    }

    /// <summary>
    /// Committed entries under <paramref name="prefix"/> in key order, read lazily, without this
    /// view's buffered writes: for queues whose front is read at the start of a block.
    /// </summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> EnumerateCommitted(byte[] prefix) => _committed.EnumeratePrefix(prefix);

    /// <summary>Buffers a write.</summary>
    public void Put<T>(byte[] key, T value)
        where T : ICanonical<T> => _writes[key] = Canonical.ToBytes(value);

    /// <summary>Buffers a deletion.</summary>
    public void Delete(byte[] key) => _writes[key] = null;

    /// <summary>Applies the buffered writes to the map in key order and clears the buffer.</summary>
    public void Commit()
    {
        foreach (var (key, value) in _writes)
        {
            if (value is null)
            {
                _committed.Remove(key);
            }
            else
            {
                // Encoded by Put for this write alone: the map keeps the array instead of a copy.
                _committed.SetOwned(key, value);
            }
        }

        _writes.Clear();
    }

    /// <summary>Drops the buffered writes.</summary>
    public void Discard() => _writes.Clear();
}
