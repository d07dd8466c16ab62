namespace Roundtable.Dns;

/// <summary>The NSEC type bit maps field (RFC 4034 §4.1.2): per 256-type window, its number, its length and the bits, trailing zero bytes dropped.</summary>
internal static class TypeBitmap
{
    public static byte[] Encode(IEnumerable<RecordType> types)
    {
        var bytes = new List<byte>();
        foreach (var window in types.Select(t => (ushort)t).Distinct().Order().GroupBy(t => t >> 8))
        {
            var bits = new byte[32];
            foreach (var type in window)
            {
                bits[(type & 0xFF) >> 3] |= (byte)(0x80 >> (type & 7));
            }

            var length = Array.FindLastIndex(bits, b => b != 0) + 1;
            bytes.Add((byte)window.Key);
            bytes.Add((byte)length);
            bytes.AddRange(bits.AsSpan(0, length));
        }

        return [.. bytes];
    }

    public static IEnumerable<ushort> Decode(byte[] bitmap)
    {
        for (var i = 0; i + 1 < bitmap.Length; i += 2 + bitmap[i + 1])
        {
            for (var b = 0; b < bitmap[i + 1] * 8; b++)
            {
                if ((bitmap[i + 2 + (b >> 3)] & (0x80 >> (b & 7))) != 0)
                {
                    yield return (ushort)((bitmap[i] << 8) | b);
                }
            }
        }
    }
}
