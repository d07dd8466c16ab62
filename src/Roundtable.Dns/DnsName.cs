using System.Text;

namespace Roundtable.Dns;

/// <summary>
/// An absolute domain name, kept as lower-cased uncompressed wire format (length-prefixed labels,
/// ending with the root label) so that zone lookups compare bytes. Names are compared without case
/// as DNS requires (RFC 4343); only ASCII letters are folded.
/// </summary>
public sealed class DnsName : IEquatable<DnsName>
{
    /// <summary>Largest wire length of a name, root label included (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>Largest length of one label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private DnsName(byte[] wire) => Wire = wire;

    /// <summary>The root name ".".</summary>
    public static DnsName Root { get; } = new([0]);

    /// <summary>Lower-cased wire format, ending with the zero-length root label.</summary>
    internal byte[] Wire { get; }

    /// <summary>Number of labels, the root not counted.</summary>
    public int LabelCount => CountLabels(Wire);

    /// <summary>
    /// Parses a name in presentation format. A name without a final dot is taken relative to
    /// <paramref name="origin"/> ("@" is the origin itself); with no origin, it must be absolute.
    /// Backslash escapes (\. and \DDD) are accepted.
    /// </summary>
    /// <exception cref="DnsZoneException">The text is not a valid name.</exception>
    public static DnsName Parse(string text, DnsName? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "@")
        {
            return origin ?? throw new DnsZoneException("'@' needs an origin");
        }

        if (text == ".")
        {
            return Root;
        }

        if (text.Length == 0)
        {
            throw new DnsZoneException("empty name");
        }

        var wire = new List<byte>(text.Length + 2);
        var label = new List<byte>(MaxLabelLength);
        var absolute = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (label.Count == 0)
                {
                    throw new DnsZoneException($"empty label in name '{text}'");
                }

                AppendLabel(wire, label, text);
                absolute = i == text.Length - 1;
                continue;
            }

            if (c == '\\')
            {
                if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
                {
                    var value = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                    if (value > 255)
                    {
                        throw new DnsZoneException($"escape \\{text.Substring(i + 1, 3)} is over 255 in name '{text}'");
                    }

                    label.Add((byte)value);
                    i += 3;
                    continue;
                }

                if (i + 1 >= text.Length)
                {
                    throw new DnsZoneException($"name '{text}' ends with a lone backslash");
                }

                c = text[++i];
            }

            if (c > 0x7E || c < 0x21)
            {
                throw new DnsZoneException($"name '{text}' has a character that must be escaped (U+{(int)c:X4}); use its A-label (punycode) form");
            }

            label.Add((byte)c);
        }

        if (label.Count > 0)
        {
            AppendLabel(wire, label, text);
        }

        if (!absolute)
        {
            if (origin is null)
            {
                throw new DnsZoneException($"name '{text}' is relative and there is no origin; end it with a dot");
            }

            wire.AddRange(origin.Wire.AsSpan(0, origin.Wire.Length - 1));
        }

        wire.Add(0);
        if (wire.Count > MaxWireLength)
        {
            throw new DnsZoneException($"name '{text}' is {wire.Count} bytes in wire format; the limit is {MaxWireLength}");
        }

        var bytes = wire.ToArray();
        LowerCase(bytes);
        return new DnsName(bytes);
    }

    /// <summary>A name from wire bytes already checked by the caller (labels and length in range).</summary>
    internal static DnsName FromWire(ReadOnlySpan<byte> wire)
    {
        var bytes = wire.ToArray();
        LowerCase(bytes);
        return new DnsName(bytes);
    }

    /// <summary>True when this name is <paramref name="ancestor"/> or below it.</summary>
    public bool IsAtOrBelow(DnsName ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        return IsAtOrBelow(Wire, ancestor.Wire);
    }

    /// <summary>The name with its first label removed; the root has no parent.</summary>
    public DnsName Parent()
    {
        if (Wire.Length == 1)
        {
            throw new InvalidOperationException("the root has no parent");
        }

        return new DnsName(Wire[(Wire[0] + 1)..]);
    }

    /// <summary>True when the first label is "*".</summary>
    public bool IsWildcard => Wire.Length > 2 && Wire[0] == 1 && Wire[1] == (byte)'*';

    /// <summary>"*." prepended to this name.</summary>
    internal DnsName WildcardChild() => new([1, (byte)'*', .. Wire]);

    /// <inheritdoc />
    public bool Equals(DnsName? other) => other is not null && Wire.AsSpan().SequenceEqual(other.Wire);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DnsName other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => WireComparer.Instance.GetHashCode(Wire);

    /// <summary>Presentation format, absolute (ends with a dot), lower case, with \DDD for bytes that need escaping.</summary>
    public override string ToString() => ToText(Wire);

    /// <summary>Presentation format of uncompressed wire bytes.</summary>
    internal static string ToText(ReadOnlySpan<byte> wire)
    {
        if (wire.Length <= 1)
        {
            return ".";
        }

        var text = new StringBuilder();
        var i = 0;
        while (wire[i] != 0)
        {
            var length = wire[i];
            foreach (var b in wire.Slice(i + 1, length))
            {
                if (b is (byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';')
                {
                    text.Append('\\').Append((char)b);
                }
                else if (b is < 0x21 or > 0x7E)
                {
                    text.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append((char)b);
                }
            }

            text.Append('.');
            i += length + 1;
        }

        return text.ToString();
    }

    /// <summary>True when lower-cased wire name <paramref name="name"/> is <paramref name="ancestor"/> or below it.</summary>
    internal static bool IsAtOrBelow(ReadOnlySpan<byte> name, ReadOnlySpan<byte> ancestor)
    {
        if (ancestor.Length > name.Length)
        {
            return false;
        }

        // The suffix must start at a label boundary, not merely match bytes.
        var i = 0;
        while (name.Length - i > ancestor.Length)
        {
            i += name[i] + 1;
        }

        return name.Length - i == ancestor.Length && name[i..].SequenceEqual(ancestor);
    }

    /// <summary>Folds ASCII upper case to lower case in place, leaving length bytes alone.</summary>
    internal static void LowerCase(Span<byte> wire)
    {
        var i = 0;
        while (i < wire.Length && wire[i] != 0)
        {
            var length = wire[i];
            for (var j = i + 1; j <= i + length; j++)
            {
                if (wire[j] is >= (byte)'A' and <= (byte)'Z')
                {
                    wire[j] = (byte)(wire[j] | 0x20);
                }
            }

            i += length + 1;
        }
    }

    private static int CountLabels(ReadOnlySpan<byte> wire)
    {
        var count = 0;
        for (var i = 0; wire[i] != 0; i += wire[i] + 1)
        {
            count++;
        }

        return count;
    }

    private static void AppendLabel(List<byte> wire, List<byte> label, string text)
    {
        if (label.Count > MaxLabelLength)
        {
            throw new DnsZoneException($"label of {label.Count} bytes in name '{text}'; the limit is {MaxLabelLength}");
        }

        wire.Add((byte)label.Count);
        wire.AddRange(label);
        label.Clear();
    }
}
