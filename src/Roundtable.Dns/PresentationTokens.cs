namespace Roundtable.Dns;

/// <summary>One field of presentation-format RDATA: its text as written and its bytes after unquoting and unescaping.</summary>
internal readonly record struct Token(string Text, byte[] Bytes);

/// <summary>
/// Splits presentation-format RDATA into fields: whitespace separates fields, double quotes
/// keep spaces inside one field, and \X or \DDD escapes a byte (RFC 1035 §5.1).
/// </summary>
internal static class PresentationTokens
{
    public static List<Token> Split(string text, RecordType type)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return tokens;
            }

            var quoted = text[i] == '"';
            var start = i;
            if (quoted)
            {
                i++;
            }

            var bytes = new List<byte>();
            var closed = !quoted;
            while (i < text.Length)
            {
                var c = text[i];
                if (quoted && c == '"')
                {
                    closed = true;
                    i++;
                    break;
                }

                if (!quoted && char.IsWhiteSpace(c))
                {
                    break;
                }

                if (c == '\\')
                {
                    i = Escape(text, i, bytes, type);
                    continue;
                }

                if (c > 0x7E || (c < 0x20 && c != '\t'))
                {
                    throw new DnsZoneException($"{type} data has a character that must be written as \\DDD (U+{(int)c:X4})");
                }

                bytes.Add((byte)c);
                i++;
            }

            if (!closed)
            {
                throw new DnsZoneException($"{type} data has an unclosed quote: {text}");
            }

            tokens.Add(new Token(text[start..i], [.. bytes]));
        }
    }

    private static int Escape(string text, int i, List<byte> bytes, RecordType type)
    {
        if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
        {
            var value = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
            if (value > 255)
            {
                throw new DnsZoneException($"{type} data escape \\{text.Substring(i + 1, 3)} is over 255");
            }

            bytes.Add((byte)value);
            return i + 4;
        }

        if (i + 1 >= text.Length || text[i + 1] > 0x7E)
        {
            throw new DnsZoneException($"{type} data ends with a lone backslash or escapes a non-ASCII character");
        }

        bytes.Add((byte)text[i + 1]);
        return i + 2;
    }
}
