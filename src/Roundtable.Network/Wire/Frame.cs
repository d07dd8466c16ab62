using System.Buffers.Binary;

namespace Roundtable.Network.Wire;

/// <summary>One frame as read from the wire.</summary>
internal readonly record struct RawFrame(byte Type, byte[] Payload)
{
    /// <summary>Bytes the frame took on the wire, header included.</summary>
    public int WireSize => Frame.HeaderSize + Payload.Length;
}

/// <summary>
/// The frame format: <c>[u32 big-endian length][u8 type][payload]</c>, where length counts the
/// type byte and the payload (so it is at least 1). Type 0 carries the transport's control messages.
/// </summary>
internal static class Frame
{
    /// <summary>Size of the length field.</summary>
    public const int LengthSize = 4;

    /// <summary>Length field plus type byte.</summary>
    public const int HeaderSize = LengthSize + 1;

    /// <summary>The frame type reserved for the transport (hello, goodbye, ping).</summary>
    public const byte ControlType = 0;

    /// <summary>Header and payload in one new array, ready to be queued and shared between peers.</summary>
    public static byte[] Encode(byte type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(payload.Length + 1));
        frame[LengthSize] = type;
        payload.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>
    /// Reads one frame, or returns null when the stream ends cleanly between frames. The length is
    /// checked against <paramref name="maxFrameBytes"/> before the payload is allocated.
    /// </summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="header">A scratch buffer of at least <see cref="HeaderSize"/> bytes.</param>
    /// <param name="maxFrameBytes">Largest acceptable value of the length field.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidDataException">A zero-length or oversize frame.</exception>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    public static async ValueTask<RawFrame?> ReadAsync(Stream stream, byte[] header, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var got = await stream.ReadAtLeastAsync(header.AsMemory(0, LengthSize), LengthSize, throwOnEndOfStream: false, cancellationToken);
        if (got == 0)
        {
            return null;
        }

        if (got < LengthSize)
        {
            throw new EndOfStreamException("The connection ended inside a frame header.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0)
        {
            throw new InvalidDataException("zero-length frame");
        }

        if (length > (uint)maxFrameBytes)
        {
            throw new InvalidDataException($"frame of {length} bytes exceeds the limit of {maxFrameBytes}");
        }

        await stream.ReadExactlyAsync(header.AsMemory(LengthSize, 1), cancellationToken);
        var payload = length == 1 ? [] : new byte[length - 1];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return new RawFrame(header[LengthSize], payload);
    }
}
