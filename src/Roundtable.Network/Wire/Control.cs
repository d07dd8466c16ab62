using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Network.Wire;

/// <summary>The first frame each side sends after TLS.</summary>
/// <param name="Version">Transport protocol version; must equal <see cref="PeerNetwork.ProtocolVersion"/>.</param>
/// <param name="ChainId">The sender's chain id; must equal the receiver's.</param>
/// <param name="NodeId">The sender's node id; must equal the id of its TLS key.</param>
/// <param name="ListenPort">The port the sender listens on (0–65535).</param>
/// <param name="Instance">A random number fixed for the life of the sender's process: a change means it restarted.</param>
/// <param name="DialSequence">Dialer: a per-process counter of its dials. Acceptor: 0.</param>
internal sealed record Hello(ulong Version, string ChainId, Hash256 NodeId, int ListenPort, ulong Instance, ulong DialSequence);

/// <summary>Control messages: payloads of type-0 frames, led by a one-byte code.</summary>
internal static class Control
{
    public const byte HelloCode = 1;
    public const byte GoodbyeCode = 2;
    public const byte PingCode = 3;

    /// <summary>Longest goodbye reason in UTF-8 bytes.</summary>
    public const int MaxReasonBytes = 256;

    /// <summary>Frame limit while waiting for the hello: a hello is far smaller.</summary>
    public const int MaxHelloFrameBytes = 1024;

    private static readonly byte[] PingFrameBytes = Frame.Encode(Frame.ControlType, [PingCode]);

    /// <summary>A complete ping frame (shared, never modified).</summary>
    public static ReadOnlyMemory<byte> PingFrame => PingFrameBytes;

    public static byte[] EncodeHelloFrame(Hello hello)
    {
        var writer = new CanonicalWriter();
        writer.WriteByte(HelloCode);
        writer.WriteVarUInt(hello.Version);
        writer.WriteString(hello.ChainId);
        writer.WriteHash(hello.NodeId);
        writer.WriteVarUInt((ulong)hello.ListenPort);
        writer.WriteVarUInt(hello.Instance);
        writer.WriteVarUInt(hello.DialSequence);
        return Frame.Encode(Frame.ControlType, writer.WrittenSpan);
    }

    public static byte[] EncodeGoodbyeFrame(string reason)
    {
        var writer = new CanonicalWriter();
        writer.WriteByte(GoodbyeCode);
        writer.WriteString(Truncate(reason));
        return Frame.Encode(Frame.ControlType, writer.WrittenSpan);
    }

    /// <summary>The control code of a type-0 payload.</summary>
    /// <exception cref="InvalidDataException">The payload is empty.</exception>
    public static byte CodeOf(ReadOnlySpan<byte> payload) =>
        payload.IsEmpty ? throw new InvalidDataException("empty control frame") : payload[0];

    /// <exception cref="InvalidDataException">The payload is not a well-formed hello.</exception>
    public static Hello DecodeHello(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new CanonicalReader(payload);
            if (reader.ReadByte() != HelloCode)
            {
                throw new InvalidDataException("expected a hello");
            }

            var version = reader.ReadVarUInt();
            var chainId = reader.ReadString(PeerNetworkOptions.MaxChainIdBytes, "chain id");
            var nodeId = reader.ReadHash();
            var port = reader.ReadLength(65535, "listen port");
            var instance = reader.ReadVarUInt();
            var dialSequence = reader.ReadVarUInt();
            reader.EnsureEnd();
            return new Hello(version, chainId, nodeId, port, instance, dialSequence);
        }
        catch (DecodeException e)
        {
            throw new InvalidDataException("malformed hello: " + e.Message, e);
        }
    }

    /// <exception cref="InvalidDataException">The payload is not a well-formed goodbye.</exception>
    public static string DecodeGoodbye(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new CanonicalReader(payload);
            if (reader.ReadByte() != GoodbyeCode)
            {
                throw new InvalidDataException("expected a goodbye");
            }

            var reason = reader.ReadString(MaxReasonBytes, "goodbye reason");
            reader.EnsureEnd();
            return Printable(reason);
        }
        catch (DecodeException e)
        {
            throw new InvalidDataException("malformed goodbye: " + e.Message, e);
        }
    }

    /// <summary>Text from a peer, made safe for a log line: control characters become '?'.</summary>
    public static string Printable(string text) =>
        string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? '?' : s[i];
            }
        });

    private static string Truncate(string reason)
    {
        // The lenient encoder turns lone surrogates into U+FFFD, so the result always has a UTF-8 form.
        var bytes = Encoding.UTF8.GetBytes(reason);
        var length = Math.Min(bytes.Length, MaxReasonBytes);
        while (length < bytes.Length && length > 0 && (bytes[length] & 0xC0) == 0x80)
        {
            length--; // do not cut a character in two
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
