using Roundtable.Application;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
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

/// <summary>One member, with the members who attested their affiliation.</summary>
public sealed record MemberModel(MemberRecord Member, IReadOnlyList<MemberRecord> Attesters, ChainParameters Parameters)
{
    /// <summary>Reads member <paramref name="id"/> from committed state, or null when there is none.</summary>
    public static MemberModel? Read(LedgerApplication app, Hash256 id) =>
        app.GetMember(id) is { } member
            ? new MemberModel(member, [.. member.Attestations.Select(app.GetMember).OfType<MemberRecord>()], app.Parameters)
            : null;
}

/// <summary>What the join form offers: the chain's groups and regions.</summary>
public sealed record JoinModel(ChainParameters Parameters);
