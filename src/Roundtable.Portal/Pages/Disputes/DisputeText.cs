using Roundtable.Application.Members;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Pages.Disputes;

/// <summary>How a dispute's parts read in plain words.</summary>
internal static class DisputeText
{
    /// <summary>"the name shop.forum.internal.", "the document 1a2b…".</summary>
    public static string Subject(Language l, DisputeSubject subject) => subject.Kind switch
    {
        DisputeSubjectKind.Name => l.Fill("dispute.subject.name", ("name", subject.Label + "." + subject.Zone)),
        DisputeSubjectKind.Anchor => l.Fill("dispute.subject.anchor", ("id", subject.Id.ToShortString())),
        DisputeSubjectKind.Member => l.Fill("dispute.subject.member", ("id", subject.Id.ToShortString())),
        _ => l.Fill("dispute.subject.decision", ("id", subject.Id.ToShortString())),
    };

    /// <summary>A member's display name, or their short id.</summary>
    public static string Member(IReadOnlyDictionary<Hash256, MemberRecord> members, Hash256 id) =>
        members.TryGetValue(id, out var m) ? m.DisplayName : id.ToShortString();

    /// <summary>The remedy in plain words.</summary>
    public static string Remedy(Language l, Remedy remedy, IReadOnlyDictionary<Hash256, MemberRecord> members) => remedy.Kind switch
    {
        RemedyKind.TransferName => l.Fill("dispute.remedy.transfer-name", ("member", Member(members, remedy.Recipient))),
        RemedyKind.SuspendName or RemedyKind.SuspendVoting => l.Fill("dispute.remedy." + Ledger.Messages.Disputes.Remedy.NameOf(remedy.Kind), ("duration", l.Duration(remedy.DurationMs))),
        _ => l["dispute.remedy." + Ledger.Messages.Disputes.Remedy.NameOf(remedy.Kind)],
    };
}
