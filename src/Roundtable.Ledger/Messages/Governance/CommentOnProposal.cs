using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>A comment in the deliberation record of a proposal.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Text">1..4096 UTF-8 bytes.</param>
public sealed record CommentOnProposal(Hash256 Proposal, string Text) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.CommentOnProposal;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteString(Text);
    }

    /// <summary>Reads the body.</summary>
    public static CommentOnProposal DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTextBytes, "comment"));
}
