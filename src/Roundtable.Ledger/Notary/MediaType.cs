namespace Roundtable.Ledger.Notary;

/// <summary>
/// A media type as RFC 6838 names it, <c>type/subtype</c>, each a restricted name (a letter or digit,
/// then letters, digits and <c>! # $ &amp; - ^ _ . +</c>), lowercase only and without parameters, so
/// one media type has one spelling on chain.
/// </summary>
public static class MediaType
{
    /// <summary>Maximum length in bytes of the whole <c>type/subtype</c>.</summary>
    public const int MaxBytes = 127;

    /// <summary>What anchors carry when their author names no media type.</summary>
    public const string Unknown = "application/octet-stream";

    /// <summary>True when <paramref name="value"/> is a lowercase <c>type/subtype</c> within <see cref="MaxBytes"/>.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxBytes)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsRestrictedName(value.AsSpan(0, slash)) && IsRestrictedName(value.AsSpan(slash + 1));
    }

    private static bool IsRestrictedName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsLowerAlphanumeric(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!IsLowerAlphanumeric(c) && c is not ('!' or '#' or '$' or '&' or '-' or '^' or '_' or '.' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
