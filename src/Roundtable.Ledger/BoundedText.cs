using Roundtable.Core.Encoding;

namespace Roundtable.Ledger;

/// <summary>Bounded human text in messages and records: titles, questions, reasons.</summary>
public static class BoundedText
{
    /// <summary>Reads text of 1 to <paramref name="maxBytes"/> UTF-8 bytes; refuses an empty one.</summary>
    public static string ReadNonEmpty(ref CanonicalReader reader, int maxBytes, string what)
    {
        var value = reader.ReadString(maxBytes, what);
        if (value.Length == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"{what} is empty.");
        }

        return value;
    }

    /// <summary>Reads a list of at most <paramref name="maxItems"/> non-empty texts.</summary>
    public static string[] ReadList(ref CanonicalReader reader, int maxItems, int maxBytes, string what)
    {
        var count = reader.ReadLength(maxItems, what, "count");
        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadNonEmpty(ref reader, maxBytes, what);
        }

        return items;
    }

    /// <summary>Writes a list of texts (count, then each).</summary>
    public static void WriteList(CanonicalWriter writer, IReadOnlyList<string> items) =>
        writer.WriteList(items, static (w, s) => w.WriteString(s));
}
