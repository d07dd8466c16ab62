using System.Runtime.InteropServices;
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

        // The map replaces a value's array whenever the value changes, so the same array means the
        // same record without comparing its bytes; equal bytes in a new array are compared once.
        var array = MemoryMarshal.TryGetArray(stored, out var segment) ? segment.Array : null;
        if (entry is not null && (ReferenceEquals(array, entry.Raw) || stored.Span.SequenceEqual(entry.Raw)))
        {
            _entry = entry with { Raw = array ?? entry.Raw, Map = map, Version = map.Version };
            return entry.Value;
        }

        entry = new Entry(array ?? stored.ToArray(), Canonical.FromBytes<T>(stored.Span), map, map.Version);
        _entry = entry;
        return entry.Value;
    }

    private sealed record Entry(byte[] Raw, T Value, SparseMerkleMap Map, long Version);
}
