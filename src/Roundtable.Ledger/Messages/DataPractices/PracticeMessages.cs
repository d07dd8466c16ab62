using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Messages.DataPractices;

/// <summary>
/// The sender, an organisation's member account, publishes a new practice statement: its first
/// version, anchored in the notary as the <see cref="PracticeDocument"/> with no previous version.
/// </summary>
/// <param name="Statement">The statement.</param>
public sealed record PublishPracticeStatement(PracticeStatement Statement) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.PublishPracticeStatement;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => Statement.Encode(writer);

    /// <summary>Reads the body.</summary>
    public static PublishPracticeStatement DecodeBody(ref CanonicalReader reader) => new(PracticeStatement.Decode(ref reader));
}

/// <summary>
/// The statement's author publishes a new version of it: the new version is anchored as a new
/// version of <paramref name="Previous"/>, which the notary marks superseded with the reason.
/// </summary>
/// <param name="Previous">The statement's current version.</param>
/// <param name="Statement">The new wording.</param>
/// <param name="Reason">What changed and why, 1–500 UTF-8 bytes (the supersession reason).</param>
public sealed record RevisePracticeStatement(Hash256 Previous, PracticeStatement Statement, string Reason) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RevisePracticeStatement;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Previous);
        Statement.Encode(writer);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static RevisePracticeStatement DecodeBody(ref CanonicalReader reader) => new(
        reader.ReadHash(), PracticeStatement.Decode(ref reader), GovernanceText.ReadRequired(ref reader, AnchorRecord.MaxReasonBytes, "reason for the new version"));
}

/// <summary>Any member comments on a version of a practice statement.</summary>
/// <param name="Version">The version commented on.</param>
/// <param name="Text">1–<see cref="MaxTextBytes"/> UTF-8 bytes.</param>
public sealed record CommentOnPracticeStatement(Hash256 Version, string Text) : TxMessage
{
    /// <summary>Longest comment, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2000;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CommentOnPracticeStatement;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Version);
        writer.WriteString(Text);
    }

    /// <summary>Reads the body.</summary>
    public static CommentOnPracticeStatement DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), GovernanceText.ReadRequired(ref reader, MaxTextBytes, "comment"));
}
