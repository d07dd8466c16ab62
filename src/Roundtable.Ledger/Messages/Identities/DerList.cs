using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Identities;

/// <summary>
/// A short list of DER objects (certificates) as a message carries them: a count then each object
/// as a byte string. Bounded in count and in bytes per object so a decoder never allocates more
/// than the limits allow. What the DER says is checked by the application, not here.
/// </summary>
public static class DerList
{
    /// <summary>Largest certificate accepted, in bytes (an RSA-4096 certificate with ordinary extensions fits in half of it).</summary>
    public const int MaxCertificateBytes = 4096;

    /// <summary>Writes the count and the objects.</summary>
    public static void Write(CanonicalWriter writer, IReadOnlyList<byte[]> items) =>
        writer.WriteList(items, static (w, item) => w.WriteBytes(item));

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> non-empty objects of at most <see cref="MaxCertificateBytes"/> each.</summary>
    public static byte[][] Read(ref CanonicalReader reader, int min, int max, string what)
    {
        var count = reader.ReadLength(max, what, "count");
        if (count < min)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"At least {min} {what} expected.");
        }

        var items = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            items[i] = reader.ReadBytes(MaxCertificateBytes, what).ToArray();
            if (items[i].Length == 0)
            {
                throw new DecodeException(DecodeError.InvalidValue, $"An empty {what}.");
            }
        }

        return items;
    }

    /// <summary>True when both lists hold the same bytes in the same order.</summary>
    public static bool Same(IReadOnlyList<byte[]> a, IReadOnlyList<byte[]> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
