using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Notary;

/// <summary>Decoders of the notary messages (type tags 80–95).</summary>
public static class NotaryMessageCodec
{
    /// <summary>Reads the body of the notary message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.AnchorDocument => AnchorDocument.DecodeBody(ref reader),
        (ulong)MessageType.CosignAnchor => CosignAnchor.DecodeBody(ref reader),
        (ulong)MessageType.RevokeAnchor => RevokeAnchor.DecodeBody(ref reader),
        (ulong)MessageType.SupersedeAnchor => SupersedeAnchor.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };
}
