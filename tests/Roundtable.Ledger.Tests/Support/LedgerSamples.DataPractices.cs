using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the data-practice register's messages (type tags 128–143).</summary>
internal sealed partial class LedgerSamples
{
    /// <summary>The message with one field changed, or null when it is not a register message.</summary>
    public static TxMessage? AlteredPracticeMessage(TxMessage message) => message switch
    {
        PublishPracticeStatement m => new PublishPracticeStatement(m.Statement with { Contact = m.Statement.Contact + "x" }),
        RevisePracticeStatement m => m with { Previous = Other(m.Previous) },
        CommentOnPracticeStatement m => m with { Version = Other(m.Version) },
        _ => null,
    };

    /// <summary>A statement within every bound, often at one.</summary>
    public PracticeStatement PracticeStatement() => new(
        RequiredText(Ledger.DataPractices.PracticeStatement.MaxTitleBytes),
        Identifiers(1),
        RequiredText(Ledger.DataPractices.PracticeStatement.MaxPurposeBytes),
        Identifier(),
        RequiredText(Ledger.DataPractices.PracticeStatement.MaxRetentionBytes),
        Identifiers(1),
        Identifiers(1),
        [.. Enumerable.Range(0, BoundaryLength(0, Ledger.DataPractices.PracticeStatement.MaxListItems))
            .Select(_ => new DataTransfer(Identifier(), RequiredText(DataTransfer.MaxRecipientBytes), Identifier()))
            .DistinctBy(t => (t.Region, t.Recipient))
            .Order(Comparer<DataTransfer>.Create(DataTransfer.Compare))],
        _random.Next(2) == 0 ? "privacy@" + Identifier() + ".example" : "https://" + Identifier() + ".example/" + Identifier());

    private TxMessage PracticeMessage(MessageType type) => type switch
    {
        MessageType.PublishPracticeStatement => new PublishPracticeStatement(PracticeStatement()),
        MessageType.RevisePracticeStatement => new RevisePracticeStatement(Hash(), PracticeStatement(), RequiredText(Ledger.Notary.AnchorRecord.MaxReasonBytes)),
        MessageType.CommentOnPracticeStatement => new CommentOnPracticeStatement(Hash(), RequiredText(CommentOnPracticeStatement.MaxTextBytes)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a register message."),
    };

    /// <summary>Between <paramref name="min"/> and the statement's list bound of distinct identifiers, ascending.</summary>
    private string[] Identifiers(int min) =>
        [.. Enumerable.Range(0, BoundaryLength(min, Ledger.DataPractices.PracticeStatement.MaxListItems)).Select(_ => Identifier()).Distinct().Order(StringComparer.Ordinal)];
}
