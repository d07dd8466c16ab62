namespace Roundtable.Merkle.Tests.Support;

/// <summary>Ordinal byte-string order for the reference models.</summary>
internal sealed class ByteArrayOrdinal : IComparer<byte[]>
{
    public static readonly ByteArrayOrdinal Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}

/// <summary>Entry equality by key and value bytes.</summary>
internal sealed class KeyValueComparer : IEqualityComparer<KeyValuePair<byte[], byte[]>>
{
    public static readonly KeyValueComparer Instance = new();

    public bool Equals(KeyValuePair<byte[], byte[]> x, KeyValuePair<byte[], byte[]> y) =>
        x.Key.AsSpan().SequenceEqual(y.Key) && x.Value.AsSpan().SequenceEqual(y.Value);

    public int GetHashCode(KeyValuePair<byte[], byte[]> obj) => obj.Key.Length;
}
