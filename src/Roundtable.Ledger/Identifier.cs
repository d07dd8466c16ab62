using Roundtable.Core.Encoding;

namespace Roundtable.Ledger;

/// <summary>
/// Short machine identifiers (stakeholder groups, regions, profile field names):
/// 1–32 characters of a–z, 0–9 and '-', starting with a letter. One spelling per meaning keeps
/// tallies and indexes unambiguous.
/// </summary>
public static class Identifier
{
    /// <summary>Maximum length in bytes.</summary>
    public const int MaxLength = 32;

    // A chain has a handful of groups, regions and field names, read in every member record.
    private static readonly RecentStrings Recent = new();

    /// <summary>True when <paramref name="value"/> is a well-formed identifier.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads an identifier and refuses a malformed one.</summary>
    public static string Read(ref CanonicalReader reader, string what)
    {
        var value = reader.ReadString(MaxLength, what, Recent);
        if (!IsValid(value))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"{what} '{value}' is not an identifier (a–z, 0–9, '-', starting with a letter).");
        }

        return value;
    }

    /// <summary>
    /// Reads at most <paramref name="maxItems"/> identifiers (at least <paramref name="minItems"/>) in
    /// strictly ascending ordinal order: a set with one encoding.
    /// </summary>
    public static string[] ReadAscendingList(ref CanonicalReader reader, int minItems, int maxItems, string what)
    {
        var count = reader.ReadLength(maxItems, what, "count");
        if (count < minItems)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"At least {minItems} {what} required.");
        }

        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Read(ref reader, what);
            if (i > 0 && string.CompareOrdinal(items[i - 1], items[i]) >= 0)
            {
                throw new DecodeException(DecodeError.NonCanonical, $"Each {what} must appear once, in ascending order.");
            }
        }

        return items;
    }
}
