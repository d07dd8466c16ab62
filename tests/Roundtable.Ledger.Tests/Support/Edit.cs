namespace Roundtable.Ledger.Tests.Support;

/// <summary>Small byte-array edits for building refused encodings from valid ones.</summary>
internal static class Edit
{
    /// <summary><paramref name="bytes"/> with <paramref name="count"/> bytes at <paramref name="offset"/> replaced by <paramref name="replacement"/>.</summary>
    public static byte[] Splice(byte[] bytes, int offset, int count, params byte[] replacement) =>
        [.. bytes.AsSpan(0, offset), .. replacement, .. bytes.AsSpan(offset + count)];

    /// <summary><paramref name="bytes"/> with one byte changed.</summary>
    public static byte[] Set(byte[] bytes, int offset, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset] = value;
        return copy;
    }

    /// <summary>Offset of the first occurrence of <paramref name="needle"/>; fails when absent.</summary>
    public static int Find(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0, "pattern not found in the encoding");
        return index;
    }
}
