using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Roundtable.Dns;

/// <summary>RDATA in standard presentation form (RFC 1035 §5.1 and each type's RFC), the inverse of <see cref="RdataParser"/> plus the DNSSEC types.</summary>
internal static class RdataText
{
    /// <summary>The type's mnemonic, or TYPEnnn for types this server does not name (RFC 3597 §5).</summary>
    public static string TypeName(ushort type) =>
        Enum.IsDefined((RecordType)type) ? ((RecordType)type).ToString() : string.Create(CultureInfo.InvariantCulture, $"TYPE{type}");

    public static string Format(RecordType type, Rdata data)
    {
        var p = data.Prefix;
        return type switch
        {
            RecordType.A or RecordType.AAAA => new IPAddress(p).ToString(),
            RecordType.NS or RecordType.CNAME => data.Names[0].ToString(),
            RecordType.MX => Invariant($"{U16(p, 0)} {data.Names[0]}"),
            RecordType.SRV => Invariant($"{U16(p, 0)} {U16(p, 2)} {U16(p, 4)} {data.Names[0]}"),
            RecordType.SOA => Invariant($"{data.Names[0]} {data.Names[1]} {U32(data.Suffix, 0)} {U32(data.Suffix, 4)} {U32(data.Suffix, 8)} {U32(data.Suffix, 12)} {U32(data.Suffix, 16)}"),
            RecordType.TXT => Txt(p),
            RecordType.CAA => Invariant($"{p[0]} {Encoding.ASCII.GetString(p, 2, p[1])} {Quoted(p.AsSpan(2 + p[1]))}"),
            RecordType.TLSA => Invariant($"{p[0]} {p[1]} {p[2]} {Convert.ToHexString(p, 3, p.Length - 3)}"),
            RecordType.DS => Invariant($"{U16(p, 0)} {p[2]} {p[3]} {Convert.ToHexString(p, 4, p.Length - 4)}"),
            RecordType.DNSKEY => Invariant($"{U16(p, 0)} {p[2]} {p[3]} {Convert.ToBase64String(p, 4, p.Length - 4)}"),
            RecordType.RRSIG => Invariant($"{TypeName(U16(p, 0))} {p[2]} {p[3]} {U32(p, 4)} {Time(U32(p, 8))} {Time(U32(p, 12))} {U16(p, 16)} {data.Names[0]} {Convert.ToBase64String(data.Suffix)}"),
            RecordType.NSEC => $"{data.Names[0]} {string.Join(' ', TypeBitmap.Decode(data.Suffix).Select(TypeName))}",
            _ => Invariant($"\\# {data.Length} {Convert.ToHexString(data.ToWire())}"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static ushort U16(byte[] bytes, int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));

    private static uint U32(byte[] bytes, int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));

    /// <summary>RRSIG times as YYYYMMDDHHmmSS in UTC (RFC 4034 §3.2).</summary>
    private static string Time(uint seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string Txt(byte[] data)
    {
        var strings = new List<string>();
        for (var i = 0; i < data.Length; i += data[i] + 1)
        {
            strings.Add(Quoted(data.AsSpan(i + 1, data[i])));
        }

        return string.Join(' ', strings);
    }

    private static string Quoted(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                text.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)b);
            }
        }

        return text.Append('"').ToString();
    }
}
