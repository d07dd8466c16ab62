namespace Roundtable.Dns;

/// <summary>
/// DNSSEC canonical name order (RFC 4034 §6.1) over lower-cased wire names: compare labels from
/// the rightmost, each as unsigned bytes with a shorter label first when it is a prefix; a name
/// sorts before its descendants. The NSEC chain follows this order.
/// </summary>
internal sealed class CanonicalOrder : IComparer<DnsName>
{
    public static readonly CanonicalOrder Instance = new();

    private const int MaxLabels = 128;

    public int Compare(DnsName? x, DnsName? y) => Compare(x!.Wire, y!.Wire);

    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Span<int> aStarts = stackalloc int[MaxLabels];
        Span<int> bStarts = stackalloc int[MaxLabels];
        var aCount = LabelStarts(a, aStarts);
        var bCount = LabelStarts(b, bStarts);
        for (int i = aCount - 1, j = bCount - 1; i >= 0 && j >= 0; i--, j--)
        {
            var order = a.Slice(aStarts[i] + 1, a[aStarts[i]]).SequenceCompareTo(b.Slice(bStarts[j] + 1, b[bStarts[j]]));
            if (order != 0)
            {
                return order;
            }
        }

        return aCount.CompareTo(bCount);
    }

    private static int LabelStarts(ReadOnlySpan<byte> name, Span<int> starts)
    {
        var count = 0;
        for (var i = 0; name[i] != 0; i += name[i] + 1)
        {
            starts[count++] = i;
        }

        return count;
    }
}
