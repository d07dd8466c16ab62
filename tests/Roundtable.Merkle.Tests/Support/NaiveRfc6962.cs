using System.Security.Cryptography;

namespace Roundtable.Merkle.Tests.Support;

/// <summary>
/// A deliberately naive transcription of RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF) over byte
/// arrays and list slices, sharing no code with the implementation under test.
/// </summary>
internal static class NaiveRfc6962
{
    public static byte[] LeafHash(byte[] leaf) => SHA256.HashData([0x00, .. leaf]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[n]) over leaf hashes.</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> leafHashes)
    {
        var n = leafHashes.Count;
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return leafHashes[0];
        }

        var k = SplitPoint(n);
        return NodeHash(Mth(Slice(leafHashes, 0, k)), Mth(Slice(leafHashes, k, n)));
    }

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leafHashes)
    {
        var n = leafHashes.Count;
        if (n == 1)
        {
            return [];
        }

        var k = SplitPoint(n);
        return m < k
            ? [.. Path(m, Slice(leafHashes, 0, k)), Mth(Slice(leafHashes, k, n))]
            : [.. Path(m - k, Slice(leafHashes, k, n)), Mth(Slice(leafHashes, 0, k))];
    }

    /// <summary>PROOF(m, D[n]) for 0 &lt; m &lt; n.</summary>
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leafHashes) => SubProof(m, leafHashes, true);

    /// <summary>The largest power of two smaller than n, found by counting up.</summary>
    public static int SplitPoint(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        var n = d.Count;
        if (m == n)
        {
            return b ? [] : [Mth(d)];
        }

        var k = SplitPoint(n);
        return m <= k
            ? [.. SubProof(m, Slice(d, 0, k), b), Mth(Slice(d, k, n))]
            : [.. SubProof(m - k, Slice(d, k, n), false), Mth(Slice(d, 0, k))];
    }

    private static List<byte[]> Slice(IReadOnlyList<byte[]> items, int from, int to) => [.. items.Skip(from).Take(to - from)];
}
