using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.WorkingGroups;

/// <summary>
/// The leader records a deliverable of an active working group: a governance proposal (by id) with
/// a title. The proposal is referenced, not checked: proposals live in their own module.
/// </summary>
/// <param name="Group">The working group.</param>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Title">1–200 UTF-8 bytes.</param>
public sealed record AddDeliverable(Hash256 Group, Hash256 Proposal, string Title) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a title.</summary>
    public const int MaxTitleBytes = 200;

    /// <inheritdoc />
    public override MessageType Type => MessageType.AddDeliverable;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Group);
        writer.WriteHash(Proposal);
        writer.WriteString(Title);
    }

    /// <summary>Reads the body.</summary>
    public static AddDeliverable DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadHash(), BoundedText.ReadNonEmpty(ref reader, MaxTitleBytes, "deliverable title"));
}
