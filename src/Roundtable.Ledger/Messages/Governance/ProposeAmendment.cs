using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>Offers a replacement document during deliberation; the author accepts or rejects it.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Document">The amended document in full.</param>
/// <param name="Rationale">Why, 1..4096 UTF-8 bytes.</param>
public sealed record ProposeAmendment(Hash256 Proposal, ProposalDocument Document, string Rationale) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ProposeAmendment;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        Document.Encode(writer);
        writer.WriteString(Rationale);
    }

    /// <summary>Reads the body.</summary>
    public static ProposeAmendment DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), ProposalDocument.Decode(ref reader), GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTextBytes, "rationale"));
}
