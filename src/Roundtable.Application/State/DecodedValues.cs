using System.Runtime.InteropServices;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.State;

/// <summary>
/// Records decoded from the committed map, found again by the stored array they were decoded from.
/// The map stores a new array whenever a value changes and never changes an array it holds, so the
/// same array is the same record: the sender's member record that admission decoded is the one its
/// transaction's execution reads, and a key's owner is decoded once. Bounded: two generations of
/// <see cref="GenerationSize"/> entries, the older dropped whole when the newer fills, and an entry
/// read from the older moves to the newer. Not thread-safe, like the application that owns it.
/// </summary>
internal sealed class DecodedValues
{
    /// <summary>Entries per generation: more senders than a block holds at the node's defaults.</summary>
    public const int GenerationSize = 1 << 13;

    private Dictionary<byte[], object> _current = new(ReferenceEqualityComparer.Instance);
    private Dictionary<byte[], object> _previous = new(ReferenceEqualityComparer.Instance);

    /// <summary>The record in <paramref name="stored"/>, decoded now or when these bytes were last read.</summary>
    public T Decode<T>(ReadOnlyMemory<byte> stored)
        where T : class, ICanonical<T>, ISharedRecord
    {
        if (!MemoryMarshal.TryGetArray(stored, out var segment) || segment.Offset != 0 || segment.Count != segment.Array!.Length)
        {
            return Canonical.FromBytes<T>(stored.Span);
        }

        var array = segment.Array;
        if (_current.TryGetValue(array, out var found) && found is T current)
        {
            return current;
        }

        var record = _previous.TryGetValue(array, out found) && found is T kept ? kept : Canonical.FromBytes<T>(stored.Span);
        Remember(array, record);
        return record;
    }

    private void Remember(byte[] array, object record)
    {
        if (_current.Count >= GenerationSize)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }

        _current[array] = record;
    }
}
