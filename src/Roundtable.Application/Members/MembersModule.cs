using Roundtable.Application.Execution;
using Roundtable.Application.PersonalData;
using Roundtable.Application.State;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Members;

/// <summary>
/// Membership and identity: registration, attestation of affiliation, key rotation, guardian
/// recovery with a cancellation delay, and revocation. Pure: reads and writes only the state view.
/// </summary>
public static class MembersModule
{
    /// <summary>Reads a member record, or null.</summary>
    public static MemberRecord? GetMember(StateView state, Hash256 id) => state.Get<MemberRecord>(StateKeys.Member(id));

    /// <summary>The member a key belongs or belonged to, or null.</summary>
    public static Hash256? GetKeyOwner(StateView state, PublicKey key) => state.Get<KeyOwner>(StateKeys.Key(key.Id))?.Member;

    /// <summary>Executes one members-module message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case RegisterMember m: Register(ctx, m); break;
            case AttestAffiliation m: Attest(ctx, m); break;
            case RotateKey m: Rotate(ctx, m); break;
            case SetGuardians m: AssignGuardians(ctx, m); break;
            case ApproveRecovery m: Approve(ctx, m); break;
            case CancelRecovery: Cancel(ctx); break;
            case RevokeKey: Revoke(ctx); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The members module does not handle {message.Type}.");
        }
    }

    /// <summary>Completes the recoveries whose delay has passed by <paramref name="timeMs"/>.</summary>
    public static void CompleteDueRecoveries(StateView state, ulong timeMs)
    {
        var queue = state.Get<RecoveryQueue>(StateKeys.RecoveryQueue) ?? RecoveryQueue.Empty;
        var due = queue.Entries.TakeWhile(e => e.ReadyAtMs <= timeMs).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var entry in due)
        {
            var pending = state.Get<PendingRecovery>(StateKeys.Recovery(entry.Member));
            var member = GetMember(state, entry.Member);
            state.Delete(StateKeys.Recovery(entry.Member));
            if (pending?.ScheduledKey is not { } newKey || member is null || GetKeyOwner(state, newKey) is not null)
            {
                // Cancelled, or the key was taken meanwhile: nothing to complete.
                continue;
            }

            state.Put(StateKeys.Member(member.Id), member with { Key = newKey, Status = MemberStatus.Active });
            state.Put(StateKeys.Key(newKey.Id), new KeyOwner(member.Id));
        }

        state.Put(StateKeys.RecoveryQueue, new RecoveryQueue([.. queue.Entries.Skip(due.Count)]));
    }

    private static void Register(TxContext ctx, RegisterMember m)
    {
        var id = ctx.SenderKey.Id;

        // No sender means no key owner for the signing key (TxContext.Sender). A member's id is the
        // id of the key it registered with, and a key's owner is never removed, so neither the key
        // nor the id can be taken. Looking both up again cost two walks of the key index; without
        // them the submitter's dry run of a registration takes a quarter less (bench/run.sh execute).
        if (ctx.Sender is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "This key is already registered.");
        }

        if (!ctx.Parameters.HasGroup(m.StakeholderGroup))
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Unknown stakeholder group '{m.StakeholderGroup}'.");
        }

        if (!ctx.Parameters.HasRegion(m.Region))
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Unknown region '{m.Region}'.");
        }

        var verifiedAt = ctx.Parameters.Admission == Parameters.AdmissionRule.Open ? ctx.Height : 0;
        var record = new MemberRecord(
            id, ctx.SenderKey, m.DisplayName, m.StakeholderGroup, m.Region, m.Profile, MemberStatus.Active,
            RegisteredAtHeight: ctx.Height, VerifiedAtHeight: verifiedAt, Attestations: [], Guardians: [], GuardianThreshold: 0, Sequence: 1);
        ctx.State.Put(StateKeys.Member(id), record);
        ctx.State.Put(StateKeys.Key(ctx.SenderKey.Id), new KeyOwner(id));
        foreach (var field in m.Profile)
        {
            PersonalDataModule.Record(ctx, id, field.Name, field.Commitment);
        }
    }

    private static void Attest(TxContext ctx, AttestAffiliation m)
    {
        var sender = ctx.RequireSender();
        if (!sender.IsVerified)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only verified members can attest.");
        }

        var target = RequireMember(ctx, m.Member);
        if (target.Id == sender.Id)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "A member cannot attest itself.");
        }

        if (target.StakeholderGroup != sender.StakeholderGroup)
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Only members of '{target.StakeholderGroup}' can attest this affiliation.");
        }

        if (target.IsVerified)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "The member is already verified.");
        }

        if (target.Attestations.Contains(sender.Id))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "You already attested this member.");
        }

        var attestations = SortedHashes.With(target.Attestations, sender.Id);
        var verified = ctx.Parameters.Admission == Parameters.AdmissionRule.Attestation && attestations.Length >= ctx.Parameters.AttestationsRequired;
        ctx.State.Put(StateKeys.Member(target.Id), target with { Attestations = attestations, VerifiedAtHeight = verified ? ctx.Height : 0 });
    }

    private static void Rotate(TxContext ctx, RotateKey m)
    {
        var sender = ctx.RequireSender();
        RequireUnusedValidKey(ctx, m.NewKey);
        if (!SignatureVerifier.Verify(m.NewKey, RotateKey.PossessionPayload(ctx.ChainId, sender.Id), m.Possession))
        {
            throw new TxRejectedException(TxCode.BadSignature, "The new key's proof of possession does not verify.");
        }

        if (LedgerApplication.PasskeyRelyingPartyProblem(ctx.Parameters, m.Possession) is { } problem)
        {
            throw new TxRejectedException(problem.Code, "The new key's proof of possession: " + problem.Reason);
        }

        // Whoever can rotate holds the current key, so a pending recovery is moot.
        DropRecovery(ctx.State, sender.Id);
        ctx.State.Put(StateKeys.Member(sender.Id), sender with { Key = m.NewKey });
        ctx.State.Put(StateKeys.Key(m.NewKey.Id), new KeyOwner(sender.Id));
    }

    private static void AssignGuardians(TxContext ctx, SetGuardians m)
    {
        var sender = ctx.RequireSender();
        var count = (uint)m.Guardians.Count;
        if (count == 0 ? m.Threshold != 0 : m.Threshold is 0 || m.Threshold > count)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"The threshold must be between 1 and {count} (0 with no guardians).");
        }

        foreach (var guardian in m.Guardians)
        {
            if (guardian == sender.Id)
            {
                throw new TxRejectedException(TxCode.InvalidArgument, "A member cannot be its own guardian.");
            }

            RequireMemberExists(ctx, guardian);
        }

        ctx.State.Put(StateKeys.Member(sender.Id), sender with { Guardians = m.Guardians, GuardianThreshold = m.Threshold });
    }

    private static void Approve(TxContext ctx, ApproveRecovery m)
    {
        var guardian = ctx.RequireSender();
        var target = RequireMember(ctx, m.Member);
        if (!target.Guardians.Contains(guardian.Id))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "You are not a guardian of this member.");
        }

        RequireUnusedValidKey(ctx, m.NewKey);
        var pending = ctx.State.Get<PendingRecovery>(StateKeys.Recovery(target.Id)) ?? new PendingRecovery(target.Id, [], null, 0);
        if (pending.ScheduledKey is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "A recovery is already scheduled; the member can cancel it.");
        }

        // Only current guardians' approvals are kept: they alone count, and this bounds the record
        // by the guardian count (a member replacing its guardians must not grow it past what it decodes).
        var approvals = pending.Approvals.Where(a => a.Guardian != guardian.Id && target.Guardians.Contains(a.Guardian))
            .Append(new RecoveryApproval(guardian.Id, m.NewKey))
            .OrderBy(a => a.Guardian)
            .ToList();
        var agreeing = approvals.Count(a => a.NewKey.Equals(m.NewKey));
        if (agreeing >= target.GuardianThreshold)
        {
            var readyAt = checked(ctx.TimeMs + ctx.Parameters.RecoveryDelayMs);
            ctx.State.Put(StateKeys.Recovery(target.Id), pending with { Approvals = approvals, ScheduledKey = m.NewKey, ReadyAtMs = readyAt });
            var queue = ctx.State.Get<RecoveryQueue>(StateKeys.RecoveryQueue) ?? RecoveryQueue.Empty;
            ctx.State.Put(StateKeys.RecoveryQueue, queue.With(new ScheduledRecovery(readyAt, target.Id)));
        }
        else
        {
            ctx.State.Put(StateKeys.Recovery(target.Id), pending with { Approvals = approvals });
        }
    }

    private static void Cancel(TxContext ctx)
    {
        var sender = ctx.RequireSender();
        if (!DropRecovery(ctx.State, sender.Id))
        {
            throw new TxRejectedException(TxCode.NotFound, "No recovery of your membership is pending.");
        }
    }

    private static void Revoke(TxContext ctx)
    {
        var sender = ctx.RequireSender();
        ctx.State.Put(StateKeys.Member(sender.Id), sender with { Status = MemberStatus.KeyRevoked });
    }

    private static bool DropRecovery(StateView state, Hash256 member)
    {
        if (state.Get<PendingRecovery>(StateKeys.Recovery(member)) is null)
        {
            return false;
        }

        state.Delete(StateKeys.Recovery(member));
        var queue = state.Get<RecoveryQueue>(StateKeys.RecoveryQueue) ?? RecoveryQueue.Empty;
        state.Put(StateKeys.RecoveryQueue, queue.Without(member));
        return true;
    }

    private static MemberRecord RequireMember(TxContext ctx, Hash256 id) =>
        GetMember(ctx.State, id) ?? throw NoMember(id);

    // Where only existence matters, the record is not decoded: a guardian change names its
    // guardians on every transaction, and decoding each one's record cost as much as the write.
    private static void RequireMemberExists(TxContext ctx, Hash256 id)
    {
        if (!ctx.State.Contains(StateKeys.Member(id)))
        {
            throw NoMember(id);
        }
    }

    private static TxRejectedException NoMember(Hash256 id) => new(TxCode.NotFound, $"No member {id.ToShortString()}.");

    private static void RequireUnusedValidKey(TxContext ctx, PublicKey key)
    {
        if (GetKeyOwner(ctx.State, key) is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "That key is or was already registered.");
        }

        if (!SignatureVerifier.IsValidKey(key))
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "That key is not a valid P-256 public key.");
        }
    }
}
