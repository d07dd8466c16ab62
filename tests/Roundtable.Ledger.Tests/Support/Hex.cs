namespace Roundtable.Ledger.Tests.Support;

/// <summary>Hex for readable test data. Whitespace separates fields; "#" starts a comment that runs to the end of the line.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(Normalize(hex));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Lowercase hex digits only: comments and whitespace removed.</summary>
    public static string Normalize(string hex)
    {
        var digits = new System.Text.StringBuilder(hex.Length);
        foreach (var line in hex.Split('\n'))
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            foreach (var c in hash < 0 ? line : line[..hash])
            {
                if (!char.IsWhiteSpace(c))
                {
                    digits.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return digits.ToString();
    }
}
