using System.Buffers;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Encoding;

/// <summary>
/// Writes the canonical binary encoding (docs/encoding.md): unsigned LEB128 integers in their
/// shortest form, length-prefixed byte strings and UTF-8 text, fixed-size hashes and keys.
/// The same value always produces the same bytes, so bytes can be hashed and signed.
/// </summary>
public sealed class CanonicalWriter
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public CanonicalWriter(int initialCapacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>One raw byte.</summary>
    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    /// <summary>A boolean as 0x00 or 0x01.</summary>
    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>An unsigned integer as minimal LEB128 (1 to 10 bytes).</summary>
    public void WriteVarUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    /// <summary>Bytes of a size both sides know (hashes, keys, signatures): no length prefix.</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>A length-prefixed byte string.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt((ulong)bytes.Length);
        _buffer.Write(bytes);
    }

    /// <summary>Length-prefixed UTF-8 text.</summary>
    /// <exception cref="ArgumentException">
    /// The string holds a lone surrogate: it has no UTF-8 form, and replacing it would give two
    /// different strings the same bytes. Nothing is written.
    /// </exception>
    public void WriteString(string value)
    {
        var count = StrictUtf8.GetByteCount(value);
        WriteVarUInt((ulong)count);
        var span = _buffer.GetSpan(count);
        StrictUtf8.GetBytes(value, span);
        _buffer.Advance(count);
    }

    /// <summary>A 32-byte hash.</summary>
    public void WriteHash(Hash256 hash)
    {
        hash.CopyTo(_buffer.GetSpan(Hash256.Size));
        _buffer.Advance(Hash256.Size);
    }

    /// <summary>A list: element count, then each element written by <paramref name="writeItem"/>.</summary>
    public void WriteList<T>(IReadOnlyList<T> items, Action<CanonicalWriter, T> writeItem)
    {
        WriteVarUInt((ulong)items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            writeItem(this, items[i]);
        }
    }

    /// <summary>An optional value: 0x00 for absent, 0x01 then the value.</summary>
    public void WriteOptional<T>(T? value, Action<CanonicalWriter, T> writeValue)
        where T : class
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        WriteByte(1);
        writeValue(this, value);
    }
}
