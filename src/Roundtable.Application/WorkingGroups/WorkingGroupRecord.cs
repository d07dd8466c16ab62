using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Application.WorkingGroups;

/// <summary>Where a working group is in its life.</summary>
public enum WorkingGroupStatus : byte
{
    /// <summary>Working: members join, deliverables are added.</summary>
    Active = 1,

    /// <summary>Closed by its leader with its work done.</summary>
    Concluded = 2,

    /// <summary>Closed automatically at its sunset date.</summary>
    Sunset = 3,
}

/// <summary>A deliverable of a working group: a governance proposal and a title.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Title">The title.</param>
/// <param name="Height">Height of the block that added it.</param>
public sealed record Deliverable(Hash256 Proposal, string Title, ulong Height);

/// <summary>A working group as the state holds it.</summary>
/// <param name="Id">Group id (<see cref="CreateWorkingGroup.IdFor"/>).</param>
/// <param name="Name">The name.</param>
/// <param name="Charter">The charter.</param>
/// <param name="Leader">The leading member (always a member of the group).</param>
/// <param name="Members">Member ids, ascending.</param>
/// <param name="Deliverables">Deliverables in the order they were added.</param>
/// <param name="Status">Active, concluded or sunset.</param>
/// <param name="SunsetMs">Sunset date, block time.</param>
/// <param name="CreatedHeight">Height of the creating block.</param>
/// <param name="ClosedHeight">Height at which it was concluded or sunset, 0 while active.</param>
public sealed record WorkingGroupRecord(
    Hash256 Id,
    string Name,
    Charter Charter,
    Hash256 Leader,
    IReadOnlyList<Hash256> Members,
    IReadOnlyList<Deliverable> Deliverables,
    WorkingGroupStatus Status,
    ulong SunsetMs,
    ulong CreatedHeight,
    ulong ClosedHeight) : ICanonical<WorkingGroupRecord>
{
    /// <summary>Most members of one group.</summary>
    public const int MaxMembers = 1_000;

    /// <summary>Most deliverables of one group.</summary>
    public const int MaxDeliverables = 100;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        writer.WriteString(Name);
        Charter.Encode(writer);
        writer.WriteHash(Leader);
        SortedHashes.Write(writer, Members);
        writer.WriteList(Deliverables, static (w, d) =>
        {
            w.WriteHash(d.Proposal);
            w.WriteString(d.Title);
            w.WriteVarUInt(d.Height);
        });
        writer.WriteByte((byte)Status);
        writer.WriteVarUInt(SunsetMs);
        writer.WriteVarUInt(CreatedHeight);
        writer.WriteVarUInt(ClosedHeight);
    }

    /// <inheritdoc />
    public static WorkingGroupRecord Decode(ref CanonicalReader reader)
    {
        var id = reader.ReadHash();
        var name = reader.ReadString(CreateWorkingGroup.MaxNameBytes, "name");
        var charter = Charter.Decode(ref reader);
        var leader = reader.ReadHash();
        var members = SortedHashes.Read(ref reader, MaxMembers, "members");
        var count = reader.ReadLength(MaxDeliverables, "deliverable count");
        var deliverables = new Deliverable[count];
        for (var i = 0; i < count; i++)
        {
            deliverables[i] = new Deliverable(reader.ReadHash(), reader.ReadString(AddDeliverable.MaxTitleBytes, "deliverable title"), reader.ReadVarUInt());
        }

        return new WorkingGroupRecord(
            id, name, charter, leader, members, deliverables, (WorkingGroupStatus)reader.ReadByte(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt());
    }
}
