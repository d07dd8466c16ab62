using Roundtable.Core.Encoding;
using Roundtable.Merkle;

namespace Roundtable.Application.State;

/// <summary>
/// The record stored at one key, decoded again only when the stored bytes differ from those it was
/// decoded from: for values every transaction or every consensus message reads and few blocks write
/// (the parameters, the validator sets of up to 256 validators, whose decoding also hashes the set).
/// Safe to read from several threads: an entry is replaced whole.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class DecodedRecord<T>(byte[] key)
    where T : class, ICanonical<T>
{
    private Entry? _entry;

    /// <summary>The record at the key in <paramref name="map"/>, or null when the key holds nothing.</summary>
    public T? Read(SparseMerkleMap map)
    {
        // Nothing in the map changed since the last read: no lookup at all.
        var entry = _entry;
        if (entry is not null && ReferenceEquals(entry.Map, map) && entry.Version == map.Version)
        {
            return entry.Value;
        }

        if (!map.TryGetStored(key, out var stored))
        {
            return null;
        }

        // The map stores a new array whenever a value changes, so the same memory is the same
        // record without comparing bytes; equal bytes in new memory are compared once.
        var unchanged = entry is not null && (stored.Span == entry.Raw.Span || stored.Span.SequenceEqual(entry.Raw.Span));
        _entry = new Entry(stored, unchanged ? entry!.Value : Canonical.FromBytes<T>(stored.Span), map, map.Version);
        return _entry.Value;
    }

    private sealed record Entry(ReadOnlyMemory<byte> Raw, T Value, SparseMerkleMap Map, long Version);
}
