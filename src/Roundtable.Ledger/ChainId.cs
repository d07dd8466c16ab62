using Roundtable.Core.Encoding;

namespace Roundtable.Ledger;

/// <summary>
/// The name of a chain, signed into every transaction and vote so that nothing signed for one
/// network can be replayed on another. 1–64 characters of a–z, 0–9, '.', '_' and '-'.
/// </summary>
public static class ChainId
{
    /// <summary>Maximum length in bytes.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="value"/> is a well-formed chain id.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Every transaction and header names its chain: a node meets one or two chain ids.
    private static readonly RecentStrings Recent = new(16);

    /// <summary>Reads a chain id and refuses a malformed one.</summary>
    public static string Read(ref CanonicalReader reader)
    {
        var value = reader.ReadString(MaxLength, "chain id", Recent);
        if (!IsValid(value))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"'{value}' is not a valid chain id.");
        }

        return value;
    }
}
