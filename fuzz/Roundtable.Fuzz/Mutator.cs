namespace Roundtable.Fuzz;

/// <summary>
/// Byte-level mutations in the style of libFuzzer's, without coverage feedback: bit flips,
/// interesting bytes, arithmetic, insert / delete / duplicate / swap ranges, truncation, splicing
/// two inputs, dictionary tokens and varint-aware edits of lengths and counts. Deterministic for a
/// given <see cref="Random"/>.
/// </summary>
internal sealed class Mutator
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x7F, 0x80, 0x81, 0xFE, 0xFF, 0x40, 0x20];

    private static readonly ulong[] InterestingValues =
        [0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 101, 127, 128, 255, 256, 257, 10_000, 10_001, 16_383, 16_384, 98_304, 98_305, int.MaxValue, 1UL << 31, (1UL << 31) + 1, uint.MaxValue, 1UL << 32, long.MaxValue, 1UL << 63, ulong.MaxValue];

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _dictionary;
    private readonly Func<Random, byte[], byte[]?>? _structured;
    private readonly int _maxSize;

    public Mutator(Random random, FuzzTarget target)
    {
        _random = random;
        _dictionary = target.Dictionary;
        _structured = target.StructuredMutation;
        _maxSize = target.MaxInputSize;
    }

    /// <summary>A new input: one to five stacked mutations of <paramref name="input"/>; <paramref name="other"/> feeds splices.</summary>
    public byte[] Mutate(byte[] input, byte[] other)
    {
        var data = input;
        var rounds = 1 + (_random.Next(4) == 0 ? _random.Next(5) : 0);
        for (var i = 0; i < rounds; i++)
        {
            data = MutateOnce(data, other);
            if (data.Length > _maxSize)
            {
                data = data[.._maxSize];
            }
        }

        return data;
    }

    private byte[] MutateOnce(byte[] data, byte[] other)
    {
        if (_structured is not null && _random.Next(3) == 0 && _structured(_random, data) is { } structured)
        {
            return structured;
        }

        if (data.Length == 0)
        {
            return Insert(data, 0, RandomBytes(1 + _random.Next(8)));
        }

        return _random.Next(14) switch
        {
            0 => FlipBits(data),
            1 => SetByte(data, InterestingBytes[_random.Next(InterestingBytes.Length)]),
            2 => SetByte(data, (byte)_random.Next(256)),
            3 => AddToByte(data),
            4 => Insert(data, _random.Next(data.Length + 1), RandomBytes(1 + _random.Next(16))),
            5 => Delete(data),
            6 => Duplicate(data),
            7 => data[.._random.Next(data.Length)],
            8 => Splice(data, other),
            9 => TweakVarint(data),
            10 => Dictionary(data),
            11 => SwapRanges(data),
            12 => CrossOver(data, other),
            _ => OverlongVarint(data),
        };
    }

    private byte[] FlipBits(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var flips = 1 + _random.Next(4);
        for (var i = 0; i < flips; i++)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] SetByte(byte[] data, byte value)
    {
        var copy = (byte[])data.Clone();
        copy[_random.Next(copy.Length)] = value;
        return copy;
    }

    private byte[] AddToByte(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var at = _random.Next(copy.Length);
        copy[at] = (byte)(copy[at] + _random.Next(-8, 9));
        return copy;
    }

    private static byte[] Insert(byte[] data, int at, ReadOnlySpan<byte> bytes) => [.. data.AsSpan(0, at), .. bytes, .. data.AsSpan(at)];

    private byte[] Delete(byte[] data)
    {
        var at = _random.Next(data.Length);
        var count = 1 + _random.Next(Math.Min(data.Length - at, _random.Next(2) == 0 ? 4 : 128));
        return [.. data.AsSpan(0, at), .. data.AsSpan(at + count)];
    }

    private byte[] Duplicate(byte[] data)
    {
        var (start, length) = Range(data.Length);
        return Insert(data, _random.Next(data.Length + 1), data.AsSpan(start, length));
    }

    private byte[] SwapRanges(byte[] data)
    {
        var length = 1 + _random.Next(Math.Max(1, Math.Min(80, data.Length / 2)));
        if (length * 2 > data.Length)
        {
            return FlipBits(data);
        }

        var a = _random.Next(data.Length - (2 * length) + 1);
        var b = a + length + _random.Next(data.Length - a - (2 * length) + 1);
        var copy = (byte[])data.Clone();
        data.AsSpan(a, length).CopyTo(copy.AsSpan(b));
        data.AsSpan(b, length).CopyTo(copy.AsSpan(a));
        return copy;
    }

    /// <summary>A prefix of one input followed by a suffix of the other.</summary>
    private byte[] Splice(byte[] data, byte[] other)
    {
        if (other.Length == 0)
        {
            return data[.._random.Next(data.Length)];
        }

        var cut = _random.Next(data.Length + 1);
        var from = _random.Next(other.Length + 1);
        return [.. data.AsSpan(0, cut), .. other.AsSpan(from)];
    }

    /// <summary>A range of the other input inserted or written over this one.</summary>
    private byte[] CrossOver(byte[] data, byte[] other)
    {
        if (other.Length == 0)
        {
            return Duplicate(data);
        }

        var (start, length) = Range(other.Length);
        var at = _random.Next(data.Length + 1);
        if (_random.Next(2) == 0)
        {
            return Insert(data, at, other.AsSpan(start, length));
        }

        var copy = (byte[])data.Clone();
        var count = Math.Min(length, copy.Length - at);
        other.AsSpan(start, count).CopyTo(copy.AsSpan(at));
        return copy;
    }

    private byte[] Dictionary(byte[] data)
    {
        if (_dictionary.Count == 0)
        {
            return FlipBits(data);
        }

        var token = _dictionary[_random.Next(_dictionary.Count)];
        var at = _random.Next(data.Length + 1);
        if (_random.Next(2) == 0 || at + token.Length > data.Length)
        {
            return Insert(data, at, token);
        }

        var copy = (byte[])data.Clone();
        token.CopyTo(copy, at);
        return copy;
    }

    /// <summary>
    /// Reads a varint at a random offset and writes a different value there (lengths, counts, tags):
    /// ±1, ±64, a boundary value, or the value of another varint in the input (fields that must agree).
    /// </summary>
    private byte[] TweakVarint(byte[] data)
    {
        var at = _random.Next(data.Length);
        if (!TryReadVarint(data, at, out var value, out var length))
        {
            return SetByte(data, (byte)_random.Next(256));
        }

        var replacement = _random.Next(5) switch
        {
            0 => value + 1,
            1 => value - 1,
            2 => InterestingValues[_random.Next(InterestingValues.Length)],
            3 => TryReadVarint(data, _random.Next(data.Length), out var other, out _) ? other : value,
            _ => value + (ulong)_random.Next(-64, 65),
        };
        return [.. data.AsSpan(0, at), .. Varint(replacement), .. data.AsSpan(at + length)];
    }

    /// <summary>Rewrites a varint at a random offset in a longer, non-minimal form.</summary>
    private byte[] OverlongVarint(byte[] data)
    {
        var at = _random.Next(data.Length);
        if (!TryReadVarint(data, at, out _, out var length))
        {
            return FlipBits(data);
        }

        var extra = 1 + _random.Next(2);
        var result = new List<byte>(data.Length + extra);
        result.AddRange(data.AsSpan(0, at + length));
        result[at + length - 1] |= 0x80;
        for (var i = 0; i < extra; i++)
        {
            result.Add(i == extra - 1 ? (byte)0x00 : (byte)0x80);
        }

        result.AddRange(data.AsSpan(at + length));
        return [.. result];
    }

    private static bool TryReadVarint(byte[] data, int at, out ulong value, out int length)
    {
        value = 0;
        for (length = 1; length <= 10 && at + length <= data.Length; length++)
        {
            var b = data[at + length - 1];
            value |= (ulong)(b & 0x7F) << (7 * (length - 1));
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Varint(ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        return buffer[..i].ToArray();
    }

    private (int Start, int Length) Range(int size)
    {
        var start = _random.Next(size);
        var length = 1 + _random.Next(Math.Min(size - start, _random.Next(2) == 0 ? 8 : 256));
        return (start, length);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
