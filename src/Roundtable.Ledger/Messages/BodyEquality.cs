using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// Value equality for messages that hold lists (record equality would compare list references):
/// two messages are equal when they have the same type and the same canonical body.
/// </summary>
public static class BodyEquality
{
    /// <summary>True when both messages encode to the same type and bytes.</summary>
    public static bool Same(TxMessage a, TxMessage? b)
    {
        if (b is null || a.Type != b.Type)
        {
            return false;
        }

        return Body(a).AsSpan().SequenceEqual(Body(b));
    }

    /// <summary>A hash code consistent with <see cref="Same"/>.</summary>
    public static int HashOf(TxMessage message)
    {
        var hash = default(HashCode);
        hash.AddBytes(Body(message));
        return hash.ToHashCode();
    }

    private static byte[] Body(TxMessage message)
    {
        var writer = new CanonicalWriter();
        message.EncodeBody(writer);
        return writer.ToArray();
    }
}
