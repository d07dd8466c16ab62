using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.WorkingGroups;

/// <summary>Decoders of the working-group messages (type tags 64–79).</summary>
public static class WorkingGroupMessageCodec
{
    /// <summary>Reads the body of the working-group message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.CreateWorkingGroup => CreateWorkingGroup.DecodeBody(ref reader),
        (ulong)MessageType.JoinWorkingGroup => JoinWorkingGroup.DecodeBody(ref reader),
        (ulong)MessageType.LeaveWorkingGroup => LeaveWorkingGroup.DecodeBody(ref reader),
        (ulong)MessageType.AddWorkingGroupMember => AddWorkingGroupMember.DecodeBody(ref reader),
        (ulong)MessageType.AddDeliverable => AddDeliverable.DecodeBody(ref reader),
        (ulong)MessageType.ConcludeWorkingGroup => ConcludeWorkingGroup.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };
}
