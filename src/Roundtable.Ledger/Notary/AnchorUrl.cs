namespace Roundtable.Ledger.Notary;

/// <summary>
/// Where an anchored document may be fetched: an <c>http://</c> or <c>https://</c> address of
/// printable ASCII without spaces (internationalised names in their punycode and percent-encoded
/// form), with a host. The rule is a plain character check rather than a URI parser, so every node
/// and every offline verifier agrees on it whatever its platform.
/// </summary>
public static class AnchorUrl
{
    /// <summary>Maximum length in bytes.</summary>
    public const int MaxBytes = 512;

    private static readonly string[] Schemes = ["http://", "https://"];

    /// <summary>True when <paramref name="value"/> is an acceptable address.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxBytes)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        var scheme = Schemes.FirstOrDefault(s => value.StartsWith(s, StringComparison.Ordinal));
        return scheme is not null && value.Length > scheme.Length && value[scheme.Length] is not ('/' or '?' or '#');
    }
}
