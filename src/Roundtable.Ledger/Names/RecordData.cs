namespace Roundtable.Ledger.Names;

/// <summary>
/// Which RDATA each record type accepts, checked byte by byte on the wire form (RFC 1035, 3596,
/// 2782, 4034, 6698, 8659): lengths, field ranges, and names that are uncompressed, lower-case
/// LDH (underscores allowed in SRV targets' owners, not in names inside data) and fill the data
/// exactly. Deterministic: no parsing of text, no culture.
/// </summary>
public static class RecordData
{
    /// <summary>Null when <paramref name="data"/> is valid RDATA for <paramref name="type"/>; otherwise why not.</summary>
    public static string? Problem(DnsRecordType type, ReadOnlySpan<byte> data) => type switch
    {
        DnsRecordType.A => data.Length == 4 ? null : "an A record holds 4 bytes (an IPv4 address)",
        DnsRecordType.AAAA => data.Length == 16 ? null : "an AAAA record holds 16 bytes (an IPv6 address)",
        DnsRecordType.NS or DnsRecordType.CNAME => NameFills(data, 0, type.ToString()),
        DnsRecordType.MX => data.Length < 3 ? "an MX record holds a preference and a name" : NameFills(data, 2, "MX"),
        DnsRecordType.TXT => TextProblem(data),
        DnsRecordType.SRV => data.Length < 7 ? "an SRV record holds priority, weight, port and a target" : NameFills(data, 6, "SRV"),
        DnsRecordType.DS => DsProblem(data),
        DnsRecordType.TLSA => TlsaProblem(data),
        DnsRecordType.CAA => CaaProblem(data),
        _ => $"record type {(ushort)type} is not one a holder may publish",
    };

    /// <summary>Writes <paramref name="name"/> (relative labels or absolute with a final dot; the root is ".") in uncompressed wire form.</summary>
    public static byte[] EncodeName(string name)
    {
        var trimmed = name.TrimEnd('.');
        var output = new List<byte>(trimmed.Length + 2);
        if (trimmed.Length > 0)
        {
            foreach (var label in trimmed.Split('.'))
            {
                output.Add((byte)label.Length);
                foreach (var c in label)
                {
                    output.Add((byte)c);
                }
            }
        }

        output.Add(0);
        return [.. output];
    }

    /// <summary>Reads the wire name at <paramref name="offset"/> as an absolute presentation name, and where it ends.</summary>
    public static (string Name, int End) ReadName(ReadOnlySpan<byte> data, int offset)
    {
        var labels = new List<string>();
        var position = offset;
        while (true)
        {
            if (position >= data.Length)
            {
                throw new FormatException("the name runs past the data");
            }

            var length = data[position];
            if (length == 0)
            {
                return (labels.Count == 0 ? "." : string.Join('.', labels) + ".", position + 1);
            }

            if (length > DomainNames.MaxLabelLength || position + 1 + length > data.Length)
            {
                throw new FormatException("a label is compressed, too long or runs past the data");
            }

            labels.Add(string.Create(length, data.Slice(position + 1, length).ToArray(), static (span, bytes) =>
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    span[i] = (char)bytes[i];
                }
            }));
            position += 1 + length;
        }
    }

    private static string? NameFills(ReadOnlySpan<byte> data, int offset, string what)
    {
        try
        {
            var (name, end) = ReadName(data, offset);
            if (end != data.Length)
            {
                return $"the {what} record has bytes after its name";
            }

            if (name == ".")
            {
                return null;
            }

            var relative = name[..^1];
            return relative.Length > DomainNames.MaxNameLength
                ? $"the {what} record's name is too long"
                : DomainNames.RelativeProblem(relative, allowUnderscore: false) is { } problem ? $"the {what} record's name: {problem}" : null;
        }
        catch (FormatException e)
        {
            return $"the {what} record's name: {e.Message}";
        }
    }

    private static string? TextProblem(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return "a TXT record holds at least one string";
        }

        var position = 0;
        while (position < data.Length)
        {
            position += 1 + data[position];
        }

        return position == data.Length ? null : "a TXT string runs past the data";
    }

    private static string? DsProblem(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5)
        {
            return "a DS record holds a key tag, an algorithm, a digest type and a digest";
        }

        var digestLength = data[3] switch { 2 => 32, 4 => 48, _ => -1 };
        return digestLength < 0 ? "a DS digest is SHA-256 (type 2) or SHA-384 (type 4)"
            : data.Length - 4 != digestLength ? $"a DS digest of type {data[3]} has {digestLength} bytes"
            : null;
    }

    private static string? TlsaProblem(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return "a TLSA record holds usage, selector, matching type and data";
        }

        if (data[0] > 3 || data[1] > 1 || data[2] > 2)
        {
            return "a TLSA usage is 0-3, its selector 0-1 and its matching type 0-2";
        }

        var expected = data[2] switch { 1 => 32, 2 => 64, _ => data.Length - 3 };
        return data.Length - 3 == expected ? null : $"a TLSA digest of matching type {data[2]} has {expected} bytes";
    }

    private static string? CaaProblem(ReadOnlySpan<byte> data)
    {
        if (data.Length < 3 || data[1] is 0 or > 15 || 2 + data[1] > data.Length)
        {
            return "a CAA record holds flags, a tag of 1-15 characters and a value";
        }

        foreach (var c in data.Slice(2, data[1]))
        {
            if (c is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')))
            {
                return "a CAA tag has lower-case letters and digits only";
            }
        }

        return null;
    }

}
