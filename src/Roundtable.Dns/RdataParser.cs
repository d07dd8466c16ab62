using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns;

/// <summary>
/// Reads RDATA in standard presentation format (the text after the type in a zone file line) for
/// the types a zone may hold. Strict: every field must be present and in range, and nothing may
/// follow the last field; the exception names the type, the text and what is wrong.
/// </summary>
internal static class RdataParser
{
    /// <summary>Largest RDATA this server accepts for one record; far below the 65535 wire limit so one record always fits a TCP answer.</summary>
    public const int MaxRdataLength = 4096;

    public static Rdata Parse(RecordType type, string text, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = PresentationTokens.Split(text, type);
        var rdata = type switch
        {
            RecordType.A => Address(tokens, AddressFamily.InterNetwork, type),
            RecordType.AAAA => Address(tokens, AddressFamily.InterNetworkV6, type),
            RecordType.NS or RecordType.CNAME => new Rdata([], [Name(Single(tokens, type), origin, type)], [], compressible: true),
            RecordType.MX => Mx(tokens, origin),
            RecordType.TXT => Txt(tokens),
            RecordType.SRV => Srv(tokens, origin),
            RecordType.CAA => Caa(tokens),
            RecordType.TLSA => Tlsa(tokens),
            RecordType.DS => Ds(tokens),
            _ => throw new DnsZoneException($"record type {type} cannot be given as zone data"),
        };
        if (rdata.Length > MaxRdataLength)
        {
            throw new DnsZoneException($"{type} data is {rdata.Length} bytes; the limit is {MaxRdataLength}");
        }

        return rdata;
    }

    private static Rdata Address(List<Token> tokens, AddressFamily family, RecordType type)
    {
        var text = Single(tokens, type).Text;
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != family || text.Contains('%', StringComparison.Ordinal))
        {
            throw new DnsZoneException($"{type} data '{text}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
        }

        // IPAddress.TryParse accepts "1" or "1.2" for IPv4; zone files require the dotted quad.
        if (family == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            throw new DnsZoneException($"A data '{text}' is not a dotted-quad IPv4 address");
        }

        return new Rdata(address.GetAddressBytes(), [], [], compressible: false);
    }

    private static Rdata Mx(List<Token> tokens, DnsName origin)
    {
        Expect(tokens, 2, RecordType.MX, "preference exchange");
        var preference = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(preference, UInt16(tokens[0], RecordType.MX, "preference"));
        return new Rdata(preference, [Name(tokens[1], origin, RecordType.MX)], [], compressible: true);
    }

    private static Rdata Txt(List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            throw new DnsZoneException("TXT data needs at least one character string");
        }

        var bytes = new List<byte>();
        foreach (var token in tokens)
        {
            if (token.Bytes.Length > 255)
            {
                throw new DnsZoneException($"TXT string of {token.Bytes.Length} bytes; one string holds at most 255 (split it into several quoted strings)");
            }

            bytes.Add((byte)token.Bytes.Length);
            bytes.AddRange(token.Bytes);
        }

        return new Rdata([.. bytes], [], [], compressible: false);
    }

    private static Rdata Srv(List<Token> tokens, DnsName origin)
    {
        Expect(tokens, 4, RecordType.SRV, "priority weight port target");
        var fixedPart = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, UInt16(tokens[0], RecordType.SRV, "priority"));
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(2), UInt16(tokens[1], RecordType.SRV, "weight"));
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(4), UInt16(tokens[2], RecordType.SRV, "port"));

        // RFC 2782: the target must not be compressed.
        return new Rdata(fixedPart, [Name(tokens[3], origin, RecordType.SRV)], [], compressible: false);
    }

    private static Rdata Caa(List<Token> tokens)
    {
        Expect(tokens, 3, RecordType.CAA, "flags tag value");
        var flags = Byte(tokens[0], RecordType.CAA, "flags");
        var tag = tokens[1].Text;
        if (tag.Length is 0 or > 15 || !tag.All(char.IsAsciiLetterOrDigit))
        {
            throw new DnsZoneException($"CAA tag '{tag}' must be 1 to 15 ASCII letters or digits (RFC 8659)");
        }

        return new Rdata([flags, (byte)tag.Length, .. System.Text.Encoding.ASCII.GetBytes(tag.ToLowerInvariant()), .. tokens[2].Bytes], [], [], compressible: false);
    }

    private static Rdata Tlsa(List<Token> tokens)
    {
        if (tokens.Count < 4)
        {
            throw new DnsZoneException("TLSA data needs 'usage selector matching-type certificate-data'");
        }

        byte[] head = [Byte(tokens[0], RecordType.TLSA, "usage"), Byte(tokens[1], RecordType.TLSA, "selector"), Byte(tokens[2], RecordType.TLSA, "matching type")];
        return new Rdata([.. head, .. Hex(tokens.Skip(3), RecordType.TLSA)], [], [], compressible: false);
    }

    private static Rdata Ds(List<Token> tokens)
    {
        if (tokens.Count < 4)
        {
            throw new DnsZoneException("DS data needs 'key-tag algorithm digest-type digest'");
        }

        var head = new byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(head, UInt16(tokens[0], RecordType.DS, "key tag"));
        head[2] = Byte(tokens[1], RecordType.DS, "algorithm");
        head[3] = Byte(tokens[2], RecordType.DS, "digest type");
        var digest = Hex(tokens.Skip(3), RecordType.DS);
        var expected = head[3] switch { 1 => 20, 2 => 32, 4 => 48, _ => -1 };
        if (expected > 0 && digest.Length != expected)
        {
            throw new DnsZoneException($"DS digest type {head[3]} needs a {expected}-byte digest, got {digest.Length}");
        }

        return new Rdata([.. head, .. digest], [], [], compressible: false);
    }

    private static byte[] Hex(IEnumerable<Token> tokens, RecordType type)
    {
        var text = string.Concat(tokens.Select(t => t.Text));
        try
        {
            var bytes = Convert.FromHexString(text);
            return bytes.Length > 0 ? bytes : throw new DnsZoneException($"{type} data has an empty hex field");
        }
        catch (FormatException)
        {
            throw new DnsZoneException($"{type} data '{text}' is not hexadecimal");
        }
    }

    private static DnsName Name(Token token, DnsName origin, RecordType type)
    {
        try
        {
            return DnsName.Parse(token.Text, origin);
        }
        catch (DnsZoneException e)
        {
            throw new DnsZoneException($"{type} data: {e.Message}", e);
        }
    }

    private static Token Single(List<Token> tokens, RecordType type)
    {
        Expect(tokens, 1, type, "one field");
        return tokens[0];
    }

    private static void Expect(List<Token> tokens, int count, RecordType type, string shape)
    {
        if (tokens.Count != count)
        {
            throw new DnsZoneException($"{type} data needs {count} field(s) ('{shape}'), got {tokens.Count}");
        }
    }

    private static ushort UInt16(Token token, RecordType type, string field) =>
        ushort.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DnsZoneException($"{type} {field} '{token.Text}' is not a number from 0 to 65535");

    private static byte Byte(Token token, RecordType type, string field) =>
        byte.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DnsZoneException($"{type} {field} '{token.Text}' is not a number from 0 to 255");
}
