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
        var value = reader.ReadString(MaxLength, what);
        if (!IsValid(value))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"{what} '{value}' is not an identifier (a–z, 0–9, '-', starting with a letter).");
        }

        return value;
    }
}
