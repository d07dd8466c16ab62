using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Application.WorkingGroups;

/// <summary>
/// Working groups: charter, leader, members, deliverables linked to proposals, and a sunset date
/// after which the begin-block phase marks an active group sunset. Pure: reads and writes only the
/// state view. See docs/sessions.md.
/// </summary>
public static class WorkingGroupsModule
{
    /// <summary>True for the message types this module executes (64–79).</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.CreateWorkingGroup and <= (MessageType)79;

    /// <summary>A working group, or null.</summary>
    public static WorkingGroupRecord? GetGroup(StateView state, Hash256 id) => state.Get<WorkingGroupRecord>(WorkingGroupKeys.Group(id));

    /// <summary>Executes one working-group message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case CreateWorkingGroup m: Create(ctx, m); break;
            case JoinWorkingGroup m: Join(ctx, m.Group); break;
            case LeaveWorkingGroup m: Leave(ctx, m.Group); break;
            case AddWorkingGroupMember m: Add(ctx, m); break;
            case AddDeliverable m: Deliver(ctx, m); break;
            case ConcludeWorkingGroup m: Conclude(ctx, m.Group); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The working-groups module does not handle {message.Type}.");
        }
    }

    /// <summary>Begin-block: marks sunset, in sunset-date then id order, every active group whose date is at or before <paramref name="timeMs"/>.</summary>
    public static void SunsetDue(StateView state, ulong timeMs, ulong height)
    {
        var queue = state.Get<SunsetQueue>(WorkingGroupKeys.SunsetQueue) ?? SunsetQueue.Empty;
        var due = queue.Entries.TakeWhile(e => e.SunsetMs <= timeMs).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var entry in due)
        {
            var group = GetGroup(state, entry.Group) ?? throw new InvalidOperationException($"Sunset queue names missing working group {entry.Group}.");
            state.Put(WorkingGroupKeys.Group(group.Id), group with { Status = WorkingGroupStatus.Sunset, ClosedHeight = height });
        }

        state.Put(WorkingGroupKeys.SunsetQueue, new SunsetQueue([.. queue.Entries.Skip(due.Count)]));
    }

    private static void Create(TxContext ctx, CreateWorkingGroup m)
    {
        var sender = ctx.RequireSender();
        if (m.SunsetMs <= ctx.TimeMs)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The sunset date must be after the current block time.");
        }

        var id = CreateWorkingGroup.IdFor(sender.Id, sender.Sequence - 1);
        if (GetGroup(ctx.State, id) is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"Working group {id.ToShortString()} exists already.");
        }

        var queue = ctx.State.Get<SunsetQueue>(WorkingGroupKeys.SunsetQueue) ?? SunsetQueue.Empty;
        if (queue.Entries.Count >= SunsetQueue.MaxActive)
        {
            throw new TxRejectedException(TxCode.Oversize, $"At most {SunsetQueue.MaxActive} working groups can be active at once.");
        }

        ctx.State.Put(WorkingGroupKeys.Group(id), new WorkingGroupRecord(id, m.Name, m.Charter, sender.Id, [sender.Id], [], WorkingGroupStatus.Active, m.SunsetMs, ctx.Height, 0));
        ctx.State.Put(WorkingGroupKeys.SunsetQueue, queue.With(new ScheduledSunset(m.SunsetMs, id)));
    }

    private static void Join(TxContext ctx, Hash256 groupId)
    {
        var sender = ctx.RequireSender();
        AddMember(ctx, RequireActive(ctx, groupId), sender.Id, "You are");
    }

    private static void Add(TxContext ctx, AddWorkingGroupMember m)
    {
        var group = RequireLeader(ctx, m.Group);
        if (MembersModule.GetMember(ctx.State, m.Member) is null)
        {
            throw new TxRejectedException(TxCode.NotFound, $"No member {m.Member.ToShortString()}.");
        }

        AddMember(ctx, group, m.Member, "That member is");
    }

    private static void AddMember(TxContext ctx, WorkingGroupRecord group, Hash256 member, string who)
    {
        if (group.Members.Contains(member))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"{who} already a member of this working group.");
        }

        if (group.Members.Count >= WorkingGroupRecord.MaxMembers)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A working group has at most {WorkingGroupRecord.MaxMembers} members.");
        }

        ctx.State.Put(WorkingGroupKeys.Group(group.Id), group with { Members = SortedHashes.With(group.Members, member) });
    }

    private static void Leave(TxContext ctx, Hash256 groupId)
    {
        var sender = ctx.RequireSender();
        var group = RequireActive(ctx, groupId);
        if (!group.Members.Contains(sender.Id))
        {
            throw new TxRejectedException(TxCode.NotFound, "You are not a member of this working group.");
        }

        if (group.Leader == sender.Id)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The leader cannot leave the group; conclude it instead.");
        }

        ctx.State.Put(WorkingGroupKeys.Group(group.Id), group with { Members = [.. group.Members.Where(id => id != sender.Id)] });
    }

    private static void Deliver(TxContext ctx, AddDeliverable m)
    {
        var group = RequireLeader(ctx, m.Group);
        if (ProposalStore.Get(ctx.State, m.Proposal) is null)
        {
            throw new TxRejectedException(TxCode.NotFound, $"There is no proposal {m.Proposal.ToShortString()} to link as a deliverable.");
        }

        if (group.Deliverables.Any(d => d.Proposal == m.Proposal))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"Proposal {m.Proposal.ToShortString()} is already a deliverable of this group.");
        }

        if (group.Deliverables.Count >= WorkingGroupRecord.MaxDeliverables)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A working group has at most {WorkingGroupRecord.MaxDeliverables} deliverables.");
        }

        ctx.State.Put(WorkingGroupKeys.Group(group.Id), group with { Deliverables = [.. group.Deliverables, new Deliverable(m.Proposal, m.Title, ctx.Height)] });
    }

    private static void Conclude(TxContext ctx, Hash256 groupId)
    {
        var group = RequireLeader(ctx, groupId);
        ctx.State.Put(WorkingGroupKeys.Group(group.Id), group with { Status = WorkingGroupStatus.Concluded, ClosedHeight = ctx.Height });
        var queue = ctx.State.Get<SunsetQueue>(WorkingGroupKeys.SunsetQueue) ?? SunsetQueue.Empty;
        ctx.State.Put(WorkingGroupKeys.SunsetQueue, queue.Without(group.Id));
    }

    private static WorkingGroupRecord RequireGroup(TxContext ctx, Hash256 id) =>
        GetGroup(ctx.State, id) ?? throw new TxRejectedException(TxCode.NotFound, $"No working group {id.ToShortString()}.");

    private static WorkingGroupRecord RequireActive(TxContext ctx, Hash256 id)
    {
        var group = RequireGroup(ctx, id);
        return group.Status == WorkingGroupStatus.Active
            ? group
            : throw new TxRejectedException(TxCode.InvalidArgument, $"The working group is {StatusName(group.Status)}; it no longer changes.");
    }

    private static WorkingGroupRecord RequireLeader(TxContext ctx, Hash256 id)
    {
        var sender = ctx.RequireSender();
        var group = RequireActive(ctx, id);
        return group.Leader == sender.Id
            ? group
            : throw new TxRejectedException(TxCode.Unauthorized, "Only the working group's leader may do this.");
    }

    /// <summary>"active", "concluded" or "sunset".</summary>
    public static string StatusName(WorkingGroupStatus status) => status switch
    {
        WorkingGroupStatus.Active => "active",
        WorkingGroupStatus.Concluded => "concluded",
        _ => "sunset",
    };
}
