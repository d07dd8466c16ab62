using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>Decoders of the session messages (type tags 48–63).</summary>
public static class SessionMessageCodec
{
    /// <summary>Reads the body of the session message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.CreateSession => CreateSession.DecodeBody(ref reader),
        (ulong)MessageType.SetCheckInCode => SetCheckInCode.DecodeBody(ref reader),
        (ulong)MessageType.CheckIn => CheckIn.DecodeBody(ref reader),
        (ulong)MessageType.CreatePoll => CreatePoll.DecodeBody(ref reader),
        (ulong)MessageType.OpenPoll => OpenPoll.DecodeBody(ref reader),
        (ulong)MessageType.ClosePoll => ClosePoll.DecodeBody(ref reader),
        (ulong)MessageType.CastPollBallot => CastPollBallot.DecodeBody(ref reader),
        (ulong)MessageType.RecordDissent => RecordDissent.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };
}
