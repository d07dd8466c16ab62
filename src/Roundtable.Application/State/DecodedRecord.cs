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
        var raw = map.Get(key);
        if (raw is null)
        {
            return null;
        }

        var entry = _entry;
        if (entry is null || !raw.AsSpan().SequenceEqual(entry.Raw))
        {
            entry = new Entry(raw, Canonical.FromBytes<T>(raw));
            _entry = entry;
        }

        return entry.Value;
    }

    private sealed record Entry(byte[] Raw, T Value);
}
