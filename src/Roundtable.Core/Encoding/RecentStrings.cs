namespace Roundtable.Core.Encoding;

/// <summary>
/// Text from a small vocabulary that decoding meets over and over (stakeholder groups, regions,
/// profile field names, the chain id): each distinct value is decoded once and the same string is
/// handed out again, instead of a new string per read. A direct-mapped table of recently read
/// values; a slot holds one immutable entry replaced whole, so readers on any thread see either
/// the old entry or the new one. Misses only cost the decoding they would have cost anyway.
/// </summary>
public sealed class RecentStrings
{
    /// <summary>Longest value kept, in bytes; longer ones are decoded every time.</summary>
    public const int MaxLength = 64;

    private readonly Entry?[] _slots;

    /// <summary>Creates a table of <paramref name="slots"/> entries (a power of two).</summary>
    public RecentStrings(int slots = 256)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), "The number of slots is a power of two.");
        }

        _slots = new Entry?[slots];
    }

    /// <summary>The string of <paramref name="utf8"/>, kept from an earlier read of the same bytes, if there was one.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        var entry = Volatile.Read(ref _slots[SlotOf(utf8)]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            text = entry.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>Keeps <paramref name="text"/>, the strict decoding of <paramref name="utf8"/>, for later reads.</summary>
    public void Remember(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length <= MaxLength)
        {
            Volatile.Write(ref _slots[SlotOf(utf8)], new Entry(utf8.ToArray(), text));
        }
    }

    // FNV-1a: the same slot for the same bytes in every process, unlike string hashing.
    private int SlotOf(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & (uint)(_slots.Length - 1));
    }

    private sealed record Entry(byte[] Utf8, string Text);
}
