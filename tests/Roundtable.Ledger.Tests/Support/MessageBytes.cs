using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Bare messages (type tag and body) to bytes and back, as transactions carry them.</summary>
internal static class MessageBytes
{
    public static byte[] Encode(TxMessage message)
    {
        var writer = new CanonicalWriter();
        MessageCodec.Encode(writer, message);
        return writer.ToArray();
    }

    /// <summary>Decodes a message that must be the whole of <paramref name="bytes"/>.</summary>
    public static TxMessage Decode(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var message = MessageCodec.Decode(ref reader);
        reader.EnsureEnd();
        return message;
    }

    /// <summary>The message decodes to an equal value whose encoding is the same bytes.</summary>
    public static void AssertRoundTrips(TxMessage message)
    {
        var bytes = Encode(message);

        var decoded = Decode(bytes);

        Assert.Equal(message, decoded);
        Assert.Equal(bytes, Encode(decoded));
    }
}
