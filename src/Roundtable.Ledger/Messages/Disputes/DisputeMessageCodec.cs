using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>Decoders of the dispute messages (type tags 112–127).</summary>
public static class DisputeMessageCodec
{
    /// <summary>Reads the body of the dispute message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.VolunteerAsArbitrator => VolunteerAsArbitrator.DecodeBody(ref reader),
        (ulong)MessageType.FileDispute => FileDispute.DecodeBody(ref reader),
        (ulong)MessageType.DeclareConflict => DeclareConflict.DecodeBody(ref reader),
        (ulong)MessageType.SubmitStatement => SubmitStatement.DecodeBody(ref reader),
        (ulong)MessageType.DecideDispute => DecideDispute.DecodeBody(ref reader),
        (ulong)MessageType.AppealDecision => AppealDecision.DecodeBody(ref reader),
        (ulong)MessageType.ExecuteRemedy => ExecuteRemedy.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };
}
