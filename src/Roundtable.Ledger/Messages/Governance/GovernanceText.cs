using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>Length limits and checked readers for the free text in governance messages.</summary>
public static class GovernanceText
{
    /// <summary>Longest proposal title, in UTF-8 bytes.</summary>
    public const int MaxTitleBytes = 200;

    /// <summary>Longest comment, rationale, reason or option label, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 4096;

    /// <summary>Reads text of 1..<paramref name="maxBytes"/> bytes that is not only white space.</summary>
    public static string ReadRequired(ref CanonicalReader reader, int maxBytes, string what)
    {
        var text = reader.ReadString(maxBytes, what);
        return string.IsNullOrWhiteSpace(text)
            ? throw new DecodeException(DecodeError.InvalidValue, $"The {what} is empty.")
            : text;
    }
}
