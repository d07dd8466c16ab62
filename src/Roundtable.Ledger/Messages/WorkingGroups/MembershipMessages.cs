using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.WorkingGroups;

/// <summary>The sender joins an active working group.</summary>
/// <param name="Group">The working group.</param>
public sealed record JoinWorkingGroup(Hash256 Group) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.JoinWorkingGroup;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Group);

    /// <summary>Reads the body.</summary>
    public static JoinWorkingGroup DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>The sender leaves a working group (the leader cannot: a group always has its leader).</summary>
/// <param name="Group">The working group.</param>
public sealed record LeaveWorkingGroup(Hash256 Group) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.LeaveWorkingGroup;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Group);

    /// <summary>Reads the body.</summary>
    public static LeaveWorkingGroup DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>The leader adds a member to an active working group.</summary>
/// <param name="Group">The working group.</param>
/// <param name="Member">The member to add.</param>
public sealed record AddWorkingGroupMember(Hash256 Group, Hash256 Member) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AddWorkingGroupMember;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Group);
        writer.WriteHash(Member);
    }

    /// <summary>Reads the body.</summary>
    public static AddWorkingGroupMember DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash(), reader.ReadHash());
}

/// <summary>The leader concludes an active working group: its work is done before its sunset.</summary>
/// <param name="Group">The working group.</param>
public sealed record ConcludeWorkingGroup(Hash256 Group) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ConcludeWorkingGroup;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Group);

    /// <summary>Reads the body.</summary>
    public static ConcludeWorkingGroup DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
