using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// Opens a proposal for deliberation. Its id is <see cref="ProposalId.For"/>(author, this
/// transaction's sequence). The rules (method, quorum, periods, timelock) come from the
/// governance parameters for the action's kind at submission and stay fixed for the proposal.
/// </summary>
/// <param name="Title">1..200 UTF-8 bytes.</param>
/// <param name="Document">The pinned text.</param>
/// <param name="Action">What passing does.</param>
/// <param name="Chair">The member who chairs a consensus call; zero means the author.</param>
/// <param name="Secret">Vote by commit–reveal secret ballot.</param>
public sealed record SubmitProposal(string Title, ProposalDocument Document, ProposalAction Action, Hash256 Chair, bool Secret) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.SubmitProposal;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Title);
        Document.Encode(writer);
        Action.Encode(writer);
        writer.WriteHash(Chair);
        writer.WriteBool(Secret);
    }

    /// <summary>Reads the body.</summary>
    public static SubmitProposal DecodeBody(ref CanonicalReader reader) =>
        new(
            GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTitleBytes, "title"),
            ProposalDocument.Decode(ref reader),
            ProposalAction.Decode(ref reader),
            reader.ReadHash(),
            reader.ReadBool());
}
