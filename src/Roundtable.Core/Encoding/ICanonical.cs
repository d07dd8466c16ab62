namespace Roundtable.Core.Encoding;

/// <summary>A value with one canonical binary encoding that it can write and read back.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ICanonical<TSelf>
    where TSelf : ICanonical<TSelf>
{
    /// <summary>Writes the value.</summary>
    void Encode(CanonicalWriter writer);

    /// <summary>Reads a value.</summary>
    static abstract TSelf Decode(ref CanonicalReader reader);
}

/// <summary>Whole-buffer helpers for <see cref="ICanonical{TSelf}"/> values.</summary>
public static class Canonical
{
    /// <summary>The canonical encoding of <paramref name="value"/>.</summary>
    public static byte[] ToBytes<T>(T value)
        where T : ICanonical<T> => ToBytes(value, 256);

    /// <summary>
    /// The canonical encoding of <paramref name="value"/>, written into a buffer that starts at
    /// <paramref name="initialCapacity"/> bytes: for a large value whose size the caller knows, so
    /// the buffer is not grown (and copied) on the way there.
    /// </summary>
    public static byte[] ToBytes<T>(T value, int initialCapacity)
        where T : ICanonical<T>
    {
        var writer = new CanonicalWriter(initialCapacity);
        value.Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a value that is the whole of <paramref name="encoded"/>.</summary>
    public static T FromBytes<T>(ReadOnlySpan<byte> encoded)
        where T : ICanonical<T>
    {
        var reader = new CanonicalReader(encoded);
        var value = T.Decode(ref reader);
        reader.EnsureEnd();
        return value;
    }
}
