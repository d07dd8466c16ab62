using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages;

/// <summary>The member's current key cancels a pending recovery of its own membership.</summary>
public sealed record CancelRecovery : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.CancelRecovery;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
    }

    /// <summary>Reads the (empty) body.</summary>
    public static CancelRecovery DecodeBody(ref CanonicalReader reader) => new();
}
