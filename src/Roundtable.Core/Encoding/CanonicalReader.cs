using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Encoding;

/// <summary>
/// Reads the canonical binary encoding and refuses anything that is not the one canonical form:
/// truncated input, overlong integers, booleans other than 0/1, invalid UTF-8, oversize fields and
/// (through <see cref="EnsureEnd"/>) trailing bytes. Every refusal is a <see cref="DecodeException"/>.
/// </summary>
public ref struct CanonicalReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads from <paramref name="data"/>.</summary>
    public CanonicalReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Throws <see cref="DecodeError.TrailingBytes"/> unless every byte was consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (_position != _data.Length)
        {
            throw new DecodeException(DecodeError.TrailingBytes, $"{_data.Length - _position} unexpected byte(s) after the value at offset {_position}.");
        }
    }

    /// <summary>One raw byte.</summary>
    public byte ReadByte()
    {
        Require(1, "byte");
        return _data[_position++];
    }

    /// <summary>A boolean; only 0x00 and 0x01 are accepted.</summary>
    public bool ReadBool()
    {
        var b = ReadByte();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new DecodeException(DecodeError.NonCanonical, $"A boolean is 0 or 1, got {b} at offset {_position - 1}."),
        };
    }

    /// <summary>A minimal LEB128 unsigned integer.</summary>
    public ulong ReadVarUInt()
    {
        ulong result = 0;
        var start = _position;
        for (var shift = 0; ; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new DecodeException(DecodeError.Truncated, $"Integer at offset {start} is truncated.");
            }

            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw new DecodeException(DecodeError.Oversize, $"Integer at offset {start} does not fit in 64 bits.");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0)
                {
                    throw new DecodeException(DecodeError.NonCanonical, $"Integer at offset {start} is not in its shortest form.");
                }

                return result;
            }
        }
    }

    /// <summary>An unsigned integer no larger than <paramref name="max"/>.</summary>
    public ulong ReadVarUInt(ulong max, string what) => ReadBounded(max, what, unit: null);

    /// <summary>A 32-bit count or small number no larger than <paramref name="max"/>.</summary>
    public int ReadLength(int max, string what) => (int)ReadBounded((ulong)max, what, unit: null);

    /// <summary>
    /// As <see cref="ReadLength(int, string)"/>, for the <paramref name="unit"/> ("count", "length")
    /// of the field <paramref name="what"/>: the two are joined only for the error, because every
    /// list and string of every decode reads one and a joined name would be a string per read.
    /// </summary>
    public int ReadLength(int max, string what, string unit) => (int)ReadBounded((ulong)max, what, unit);

    /// <summary>Exactly <paramref name="length"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadFixed(int length)
    {
        Require(length, "fixed-size field");
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>A length-prefixed byte string of at most <paramref name="maxLength"/> bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int maxLength, string what)
    {
        var length = ReadLength(maxLength, what, "length");
        Require(length, what);
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Length-prefixed strict UTF-8 text of at most <paramref name="maxBytes"/> bytes.</summary>
    public string ReadString(int maxBytes, string what)
    {
        var start = _position;
        return DecodeUtf8(ReadBytes(maxBytes, what), what, start);
    }

    /// <summary>
    /// As <see cref="ReadString(int, string)"/>, answered from <paramref name="recent"/> when the
    /// same bytes were read before (they were valid UTF-8 then), and kept there otherwise.
    /// </summary>
    public string ReadString(int maxBytes, string what, RecentStrings recent)
    {
        var start = _position;
        var bytes = ReadBytes(maxBytes, what);
        if (recent.TryGet(bytes, out var known))
        {
            return known;
        }

        var text = DecodeUtf8(bytes, what, start);
        recent.Remember(bytes, text);
        return text;
    }

    /// <summary>A 32-byte hash.</summary>
    public Hash256 ReadHash() => Hash256.FromBytes(ReadFixed(Hash256.Size));

    /// <summary>An optional-value marker: false for 0x00, true for 0x01.</summary>
    public bool ReadOptionalMarker() => ReadBool();

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string what, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"{what} at offset {start} is not valid UTF-8.");
        }
    }

    private ulong ReadBounded(ulong max, string what, string? unit)
    {
        var value = ReadVarUInt();
        if (value > max)
        {
            throw new DecodeException(DecodeError.Oversize, $"{what}{(unit is null ? "" : " " + unit)} is {value}, the limit is {max}.");
        }

        return value;
    }

    private readonly void Require(int count, string what)
    {
        if (count > _data.Length - _position)
        {
            throw new DecodeException(DecodeError.Truncated, $"Input ends inside a {what} at offset {_position} (needs {count} byte(s), {_data.Length - _position} left).");
        }
    }
}
