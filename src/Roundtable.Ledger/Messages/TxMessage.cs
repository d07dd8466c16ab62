using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// The one typed message a transaction carries. Each message encodes its own body after the
/// type tag; <see cref="MessageCodec"/> maps tags back to decoders.
/// </summary>
public abstract record TxMessage
{
    /// <summary>The wire tag of this message.</summary>
    public abstract MessageType Type { get; }

    /// <summary>Writes the body (everything after the type tag).</summary>
    public abstract void EncodeBody(CanonicalWriter writer);
}
