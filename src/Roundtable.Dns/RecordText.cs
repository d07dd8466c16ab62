using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Roundtable.Dns;

/// <summary>
/// Converts one record's RDATA between presentation text (what people type and read:
/// <c>10 mail.example.</c>) and uncompressed lower-case wire form (what the ledger stores and the
/// server sends). The ledger keeps wire bytes so every node serves exactly what was committed; the
/// API, the CLI and the portal show and accept text.
/// </summary>
public static class RecordText
{
    /// <summary>
    /// The wire RDATA of <paramref name="text"/>; relative names are completed with
    /// <paramref name="origin"/>. The generic form of RFC 3597 (<c>\# 4 c0000201</c>) is accepted
    /// for every type.
    /// </summary>
    /// <exception cref="DnsZoneException">The text is not valid data for the type; the message says why.</exception>
    public static byte[] ToWire(RecordType type, string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        var trimmed = text.Trim();
        if (trimmed.StartsWith(@"\#", StringComparison.Ordinal))
        {
            return Generic(type, trimmed);
        }

        return RdataParser.Parse(type, trimmed, DnsName.Parse(origin)).ToWire();
    }

    /// <summary>
    /// The presentation text of wire RDATA; names absolute with their final dot. Data that does
    /// not decode as its type, or would not read back to the same bytes, is shown in the generic
    /// form, so showing never fails and <see cref="ToWire"/> of the result gives the same bytes.
    /// </summary>
    public static string Format(RecordType type, ReadOnlySpan<byte> wire)
    {
        try
        {
            var reader = new WireReader(wire);
            var text = type switch
            {
                RecordType.A when wire.Length == 4 => new IPAddress(reader.Rest()).ToString(),
                RecordType.AAAA when wire.Length == 16 => new IPAddress(reader.Rest()).ToString(),
                RecordType.NS or RecordType.CNAME => reader.Name(),
                RecordType.MX => Invariant($"{reader.UInt16()} {reader.Name()}"),
                RecordType.SRV => Invariant($"{reader.UInt16()} {reader.UInt16()} {reader.UInt16()} {reader.Name()}"),
                RecordType.TXT => Txt(ref reader),
                RecordType.CAA => Caa(ref reader),
                RecordType.TLSA => Invariant($"{reader.Byte()} {reader.Byte()} {reader.Byte()} {reader.Hex()}"),
                RecordType.DS => Invariant($"{reader.UInt16()} {reader.Byte()} {reader.Byte()} {reader.Hex()}"),
                _ => null,
            };
            // Only text that reads back to the same bytes is shown as such (an upper-case name
            // inside the data, say, would not), so showing and reading back never changes a record.
            if (text is not null && reader.AtEnd && RdataParser.Parse(type, text, DnsName.Root).ToWire().AsSpan().SequenceEqual(wire))
            {
                return text;
            }
        }
        catch (Exception e) when (e is FormatException or DnsZoneException)
        {
            // Falls through to the generic form.
        }

        return Invariant($@"\# {wire.Length} {Convert.ToHexStringLower(wire)}").TrimEnd();
    }

    private static byte[] Generic(RecordType type, string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new DnsZoneException($@"{type} data '{text}': the generic form is '\# length hex'");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(string.Concat(fields.Skip(2)));
        }
        catch (FormatException)
        {
            throw new DnsZoneException($"{type} data '{text}': the generic form's data is not hexadecimal");
        }

        return bytes.Length == length ? bytes : throw new DnsZoneException($"{type} data '{text}': says {length} bytes but holds {bytes.Length}");
    }

    private static string Txt(ref WireReader reader)
    {
        var text = new StringBuilder();
        do
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            Quoted(text, reader.CharacterString());
        }
        while (!reader.AtEnd);
        return text.ToString();
    }

    private static string Caa(ref WireReader reader)
    {
        var flags = reader.Byte();
        var tag = Encoding.ASCII.GetString(reader.CharacterString());
        var value = new StringBuilder();
        Quoted(value, reader.Rest());
        return Invariant($"{flags} {tag} {value}");
    }

    private static void Quoted(StringBuilder text, ReadOnlySpan<byte> bytes)
    {
        text.Append('"');
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

        text.Append('"');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads RDATA fields in order; any overrun is a <see cref="FormatException"/>.</summary>
    private ref struct WireReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public readonly bool AtEnd => position == data.Length;

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public ReadOnlySpan<byte> CharacterString() => Take(Byte());

        public ReadOnlySpan<byte> Rest() => Take(data.Length - position);

        public string Hex() => AtEnd ? throw new FormatException("empty hex field") : Convert.ToHexStringLower(Rest());

        public string Name()
        {
            var start = position;
            while (true)
            {
                var length = Byte();
                if (length == 0)
                {
                    return DnsName.ToText(data[start..position]);
                }

                if (length > DnsName.MaxLabelLength)
                {
                    throw new FormatException("compressed or over-long label");
                }

                Take(length);
                if (position - start > DnsName.MaxWireLength)
                {
                    throw new FormatException("name over 255 bytes");
                }
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > data.Length - position)
            {
                throw new FormatException("RDATA ends early");
            }

            var slice = data.Slice(position, count);
            position += count;
            return slice;
        }
    }
}
