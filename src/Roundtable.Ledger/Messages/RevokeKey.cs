using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// The sender declares its own key compromised or retired: from the next transaction on the key
/// signs nothing. The membership survives and can be moved to a new key by its guardians.
/// </summary>
public sealed record RevokeKey : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RevokeKey;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
    }

    /// <summary>Reads the (empty) body.</summary>
    public static RevokeKey DecodeBody(ref CanonicalReader reader) => new();
}
