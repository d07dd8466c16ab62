using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger;

/// <summary>Sets of ids encoded as strictly ascending hash lists: one encoding per set.</summary>
public static class SortedHashes
{
    /// <summary>Writes the count and the hashes.</summary>
    public static void Write(CanonicalWriter writer, IReadOnlyList<Hash256> hashes) =>
        writer.WriteList(hashes, static (w, h) => w.WriteHash(h));

    /// <summary>Reads at most <paramref name="max"/> hashes; refuses duplicates and unsorted lists.</summary>
    public static Hash256[] Read(ref CanonicalReader reader, int max, string what)
    {
        var count = reader.ReadLength(max, what, "count");
        var hashes = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = reader.ReadHash();
            if (i > 0 && hashes[i - 1] >= hashes[i])
            {
                throw new DecodeException(DecodeError.NonCanonical, $"{what} must be unique and in ascending order.");
            }
        }

        return hashes;
    }

    /// <summary>A new sorted array with <paramref name="item"/> added (or the same contents if present).</summary>
    public static Hash256[] With(IReadOnlyList<Hash256> hashes, Hash256 item)
    {
        var list = new List<Hash256>(hashes);
        var index = list.BinarySearch(item);
        if (index < 0)
        {
            list.Insert(~index, item);
        }

        return [.. list];
    }
}
