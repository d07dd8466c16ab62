using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Names;

/// <summary>
/// Names kept by their holders in co-governed zones (docs/dns.md): register under the zone's
/// policy, update records, offer and accept a transfer, renew; a name stops resolving at expiry
/// and is free for anyone after its grace. Pure: reads and writes only the state view; time is
/// the block's.
/// </summary>
public static class NamesModule
{
    /// <summary>True for the message types this module executes (96–111).</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.RegisterName and <= (MessageType)111;

    /// <summary>The policy of zone <paramref name="origin"/>, or null.</summary>
    public static ZonePolicy? GetZone(StateView state, string origin) => state.Get<ZonePolicy>(NameKeys.Zone(origin));

    /// <summary>The name <paramref name="label"/> in <paramref name="origin"/>, or null.</summary>
    public static NameHolding? GetName(StateView state, string origin, string label) => state.Get<NameHolding>(NameKeys.Name(origin, label));

    /// <summary>Executes one name message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case RegisterName m: Register(ctx, m); break;
            case UpdateName m: Update(ctx, m); break;
            case TransferName m: Offer(ctx, m); break;
            case AcceptName m: Accept(ctx, m); break;
            case RenewName m: Renew(ctx, m); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The names module does not handle {message.Type}.");
        }
    }

    private static void Register(TxContext ctx, RegisterName m)
    {
        var sender = ctx.RequireSender();
        var zone = RequireZone(ctx, m.Zone);
        if (zone.RegistrantGroups.Count > 0 && !zone.RegistrantGroups.Contains(sender.StakeholderGroup, StringComparer.Ordinal))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Zone {zone.Origin} takes registrations from members of {string.Join(", ", zone.RegistrantGroups)} only.");
        }

        if (zone.RequireVerified && !sender.IsVerified)
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Zone {zone.Origin} takes registrations from verified members only.");
        }

        if (DomainNames.LabelProblem(m.Label) is { } problem)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The name: " + problem + ".");
        }

        if (m.Label.Length < zone.MinLabelLength)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Names in {zone.Origin} have at least {zone.MinLabelLength} characters.");
        }

        if (zone.ReservedLabels.Contains(m.Label, StringComparer.Ordinal) || zone.NameServers.Any(ns => ns.Host == m.Label + "." + zone.Origin))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"'{m.Label}' is reserved in {zone.Origin}.");
        }

        if (GetName(ctx.State, zone.Origin, m.Label) is { } existing && ctx.TimeMs < GraceEnd(zone, existing))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"{existing.FullName} is held until block time {GraceEnd(zone, existing)} ms (its expiry plus grace).");
        }

        CheckRecords(zone, m.Records);
        var expiresAtMs = checked(ctx.TimeMs + zone.RegistrationPeriodMs);
        ctx.State.Put(NameKeys.Name(zone.Origin, m.Label), new NameHolding(zone.Origin, m.Label, sender.Id, m.Records, ctx.TimeMs, expiresAtMs, null, ctx.Height));
        ctx.State.Put(NameKeys.Expiry(expiresAtMs, zone.Origin, m.Label), IndexMark.Instance);
        TouchZone(ctx.State, zone.Origin, ctx.Height);
    }

    private static void Update(TxContext ctx, UpdateName m)
    {
        var (zone, name) = RequireHeld(ctx, m.Zone, m.Label);
        CheckRecords(zone, m.Records);
        ctx.State.Put(NameKeys.Name(zone.Origin, m.Label), name with { Records = m.Records, ChangedAtHeight = ctx.Height });
        TouchZone(ctx.State, zone.Origin, ctx.Height);
    }

    private static void Offer(TxContext ctx, TransferName m)
    {
        var (zone, name) = RequireHeld(ctx, m.Zone, m.Label);
        if (m.Recipient == name.Holder)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "You already hold this name.");
        }

        if (MembersModule.GetMember(ctx.State, m.Recipient) is not { IsActive: true })
        {
            throw new TxRejectedException(TxCode.NotFound, $"No active member {m.Recipient.ToShortString()} to offer the name to.");
        }

        ctx.State.Put(NameKeys.Name(zone.Origin, m.Label), name with { OfferedTo = m.Recipient, ChangedAtHeight = ctx.Height });
    }

    private static void Accept(TxContext ctx, AcceptName m)
    {
        var sender = ctx.RequireSender();
        var zone = RequireZone(ctx, m.Zone);
        var name = GetName(ctx.State, zone.Origin, m.Label);
        if (name is null || name.OfferedTo != sender.Id || ctx.TimeMs >= GraceEnd(zone, name))
        {
            throw new TxRejectedException(TxCode.NotFound, $"{m.Label}.{zone.Origin} is not offered to you.");
        }

        if (zone.RegistrantGroups.Count > 0 && !zone.RegistrantGroups.Contains(sender.StakeholderGroup, StringComparer.Ordinal))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Zone {zone.Origin} lets members of {string.Join(", ", zone.RegistrantGroups)} hold names only.");
        }

        ctx.State.Put(NameKeys.Name(zone.Origin, m.Label), name with { Holder = sender.Id, OfferedTo = null, ChangedAtHeight = ctx.Height });
    }

    private static void Renew(TxContext ctx, RenewName m)
    {
        var sender = ctx.RequireSender();
        var zone = RequireZone(ctx, m.Zone);
        var name = GetName(ctx.State, zone.Origin, m.Label);
        if (name is null || name.Holder != sender.Id || ctx.TimeMs >= GraceEnd(zone, name))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"You do not hold {m.Label}.{zone.Origin} (or its grace has ended).");
        }

        // Renewing early adds a period to the current expiry; renewing in grace restarts from now.
        var from = Math.Max(name.ExpiresAtMs, ctx.TimeMs);
        var expiresAtMs = checked(from + zone.RegistrationPeriodMs);
        ctx.State.Put(NameKeys.Name(zone.Origin, m.Label), name with { ExpiresAtMs = expiresAtMs, ChangedAtHeight = ctx.Height });
        ctx.State.Put(NameKeys.Expiry(expiresAtMs, zone.Origin, m.Label), IndexMark.Instance);
        if (ctx.TimeMs < name.ExpiresAtMs)
        {
            if (name.SuspendedUntilMs != name.ExpiresAtMs)
            {
                // The old expiry no longer takes the name off the air (unless a suspension ends then too).
                ctx.State.Delete(NameKeys.Expiry(name.ExpiresAtMs, zone.Origin, m.Label));
            }
        }
        else
        {
            // Back from grace: it resolves again.
            TouchZone(ctx.State, zone.Origin, ctx.Height);
        }
    }

    /// <summary>
    /// Takes names whose expiry has come (block time <paramref name="timeMs"/>) off the air: their
    /// zones' versions move to <paramref name="height"/> so the served zone and its serial follow.
    /// Runs before the block's transactions; reads the expiry index from the front, so its cost is
    /// the number of names expiring, not the number of names.
    /// </summary>
    public static void ExpireDue(StateView state, ulong timeMs, ulong height)
    {
        var due = state.EnumerateCommitted(NameKeys.ExpiryPrefix)
            .Select(e => (Key: e.Key, Entry: NameKeys.ParseExpiry(e.Key)))
            .TakeWhile(e => e.Entry.ExpiresAtMs <= timeMs)
            .ToList();
        foreach (var (key, entry) in due)
        {
            state.Delete(key);
            TouchZone(state, entry.Origin, height);
        }
    }

    /// <summary>
    /// Null when a <see cref="ZoneChange"/> proposal could take effect on <paramref name="state"/>;
    /// otherwise why not: a policy the chain cannot use, a zone inside or around another (names of
    /// one would shadow the other's), or retiring a zone that does not exist.
    /// </summary>
    public static string? CheckZoneChange(StateView state, ZoneChange change, Func<string, bool> groupExists)
    {
        if (DomainNames.OriginProblem(change.Origin) is { } originProblem)
        {
            return "zone: " + originProblem;
        }

        var existing = GetZone(state, change.Origin);
        if (change.Policy is null)
        {
            return existing is null ? $"there is no zone {change.Origin} to retire" : null;
        }

        if (change.Policy.Origin != change.Origin)
        {
            return $"the policy is for {change.Policy.Origin}, not {change.Origin}";
        }

        if (change.Policy.Problem(groupExists) is { } problem)
        {
            return $"zone {change.Origin}: {problem}";
        }

        var nested = state.ScanPrefix(NameKeys.ZonePrefix)
            .Select(e => Core.Encoding.Canonical.FromBytes<ZonePolicy>(e.Value).Origin)
            .FirstOrDefault(o => o != change.Origin && (o.EndsWith("." + change.Origin, StringComparison.Ordinal) || change.Origin.EndsWith("." + o, StringComparison.Ordinal)));
        return nested is null ? null : $"zone {change.Origin} would nest with zone {nested}; co-governed zones are disjoint";
    }

    /// <summary>Carries out a checked <see cref="ZoneChange"/> at <paramref name="height"/>: the policy is set (the zone version moves), or the zone and all its names go.</summary>
    public static void ApplyZoneChange(StateView state, ZoneChange change, ulong height)
    {
        if (change.Policy is { } policy)
        {
            state.Put(NameKeys.Zone(change.Origin), policy);
            TouchZone(state, change.Origin, height);
            return;
        }

        foreach (var (key, value) in state.ScanPrefix(NameKeys.NamesOf(change.Origin)))
        {
            var name = Core.Encoding.Canonical.FromBytes<NameHolding>(value);
            state.Delete(key);
            state.Delete(NameKeys.Expiry(name.ExpiresAtMs, name.Zone, name.Label));
        }

        state.Delete(NameKeys.Zone(change.Origin));
        state.Delete(NameKeys.Version(change.Origin));
    }

    /// <summary>The version of zone <paramref name="origin"/>: the last height that changed what it serves.</summary>
    public static ZoneVersion GetVersion(StateView state, string origin) => state.Get<ZoneVersion>(NameKeys.Version(origin)) ?? new ZoneVersion(0);

    private static void TouchZone(StateView state, string origin, ulong height) => state.Put(NameKeys.Version(origin), new ZoneVersion(height));

    private static ulong GraceEnd(ZonePolicy zone, NameHolding name) => checked(name.ExpiresAtMs + zone.GracePeriodMs);

    private static ZonePolicy RequireZone(TxContext ctx, string origin) =>
        GetZone(ctx.State, origin) ?? throw new TxRejectedException(TxCode.NotFound, $"There is no zone {origin}.");

    private static (ZonePolicy Zone, NameHolding Name) RequireHeld(TxContext ctx, string origin, string label)
    {
        var sender = ctx.RequireSender();
        var zone = RequireZone(ctx, origin);
        var name = GetName(ctx.State, zone.Origin, label);
        if (name is not null && name.Holder == sender.Id && name.IsSuspendedAt(ctx.TimeMs))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"{label}.{origin} is suspended by a dispute's decision until block time {name.SuspendedUntilMs} ms.");
        }

        if (name is null || name.Holder != sender.Id || !name.IsLiveAt(ctx.TimeMs))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"You do not hold {label}.{origin}, or it has expired (renew it first).");
        }

        return (zone, name);
    }

    /// <summary>
    /// A dispute's remedy gives the name to <paramref name="recipient"/>: its records are cleared
    /// (they were the previous holder's) and any offer is withdrawn.
    /// </summary>
    public static void TransferByDecision(StateView state, NameHolding name, Hash256 recipient, ulong height)
    {
        state.Put(NameKeys.Name(name.Zone, name.Label), name with { Holder = recipient, Records = [], OfferedTo = null, ChangedAtHeight = height });
        TouchZone(state, name.Zone, height);
    }

    /// <summary>
    /// A dispute's remedy takes the name off the air until <paramref name="untilMs"/>: the zone
    /// changes now, and an index entry at that time brings it back (<see cref="ExpireDue"/> moves the zone's version).
    /// </summary>
    public static void SuspendByDecision(StateView state, NameHolding name, ulong untilMs, ulong height)
    {
        state.Put(NameKeys.Name(name.Zone, name.Label), name with { SuspendedUntilMs = Math.Max(untilMs, name.SuspendedUntilMs), ChangedAtHeight = height });
        state.Put(NameKeys.Expiry(untilMs, name.Zone, name.Label), IndexMark.Instance);
        TouchZone(state, name.Zone, height);
    }

    private static void CheckRecords(ZonePolicy zone, IReadOnlyList<NameRecord> records)
    {
        if (RecordRules.Problem(zone, records) is { } problem)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, problem);
        }
    }
}
