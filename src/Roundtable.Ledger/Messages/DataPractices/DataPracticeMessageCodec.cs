using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.DataPractices;

/// <summary>Decoders of the data-practice register's messages (type tags 128–143).</summary>
public static class DataPracticeMessageCodec
{
    /// <summary>Reads the body of the register message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.PublishPracticeStatement => PublishPracticeStatement.DecodeBody(ref reader),
        (ulong)MessageType.RevisePracticeStatement => RevisePracticeStatement.DecodeBody(ref reader),
        (ulong)MessageType.CommentOnPracticeStatement => CommentOnPracticeStatement.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };
}
