using Roundtable.Application;
using Roundtable.Application.Identities;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Application.PersonalData;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Portal.Pages.Members;

/// <summary>Members, those still waiting for attestations first, so a verified member finds whom to attest.</summary>
public sealed record MemberListModel(IReadOnlyList<MemberRecord> Waiting, IReadOnlyList<MemberRecord> Verified, ChainParameters Parameters)
{
    private const int MaxShown = 1000;

    /// <summary>Reads it from committed state.</summary>
    public static MemberListModel Read(LedgerApplication app)
    {
        var members = app.ListMembers(MaxShown).Where(m => m.IsActive).ToList();
        return new MemberListModel(
            [.. members.Where(m => !m.IsVerified).OrderBy(m => m.StakeholderGroup, StringComparer.Ordinal).ThenBy(m => m.RegisteredAtHeight)],
            [.. members.Where(m => m.IsVerified).OrderBy(m => m.StakeholderGroup, StringComparer.Ordinal).ThenBy(m => m.DisplayName, StringComparer.Ordinal)],
            app.Parameters);
    }
}

/// <summary>
/// One member, with the members who attested their affiliation, their guardians, the recovery in
/// progress (null when none is), the members they may choose as guardians, and the affiliation a
/// certificate verified (null when none did) as it reads at the last block's time.
/// </summary>
public sealed record MemberModel(
    MemberRecord Member,
    IReadOnlyList<MemberRecord> Attesters,
    IReadOnlyList<MemberRecord> Guardians,
    PendingRecovery? Recovery,
    IReadOnlyList<MemberRecord> GuardianCandidates,
    ChainParameters Parameters,
    CertifiedAffiliation? Affiliation = null,
    ulong TimeMs = 0)
{
    /// <summary>The profile fields as this node shows them (docs/personal-data.md): a value only while available.</summary>
    public IReadOnlyList<(string Name, PersonalFieldView View)> Profile { get; init; } = [];

    /// <summary>The certificate affiliation's status at <see cref="TimeMs"/>, or null when there is none.</summary>
    public AffiliationStatus? AffiliationStatus => Affiliation?.StatusAt(TimeMs, Parameters);

    private const int MaxCandidates = 1000;

    /// <summary>Reads member <paramref name="id"/> from committed state, with the profile values of <paramref name="values"/>, or null when there is none.</summary>
    public static MemberModel? Read(LedgerApplication app, Hash256 id, IDisclosedValues values)
    {
        if (app.GetMember(id) is not { } member)
        {
            return null;
        }

        var candidates = app.ListMembers(MaxCandidates)
            .Where(m => m.IsActive && m.Id != id)
            .OrderBy(m => m.DisplayName, StringComparer.Ordinal)
            .ThenBy(m => m.Id)
            .ToList();
        return new MemberModel(
            member,
            [.. member.Attestations.Select(app.GetMember).OfType<MemberRecord>()],
            [.. member.Guardians.Select(app.GetMember).OfType<MemberRecord>()],
            app.GetPendingRecovery(id),
            candidates,
            app.Parameters,
            app.GetAffiliation(id),
            app.LastBlockTimeMs)
        {
            Profile = [.. member.Profile.Select(f => (f.Name, app.ViewPersonalField(f.Commitment, values)))],
        };
    }

    /// <summary>How many current guardians approved <paramref name="key"/>.</summary>
    public int ApprovalsOf(PublicKey key) =>
        Recovery?.Approvals.Count(a => a.NewKey.Equals(key) && Member.Guardians.Contains(a.Guardian)) ?? 0;

    /// <summary>The keys guardians have approved, each once, in the order first approved.</summary>
    public IReadOnlyList<PublicKey> ApprovedKeys =>
        [.. (Recovery?.Approvals ?? []).Select(a => a.NewKey).Distinct()];
}

/// <summary>What the join form offers: the chain's groups and regions.</summary>
public sealed record JoinModel(ChainParameters Parameters);
