using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>A verified member other than the author sponsors the proposal; enough sponsors let it go to a vote.</summary>
/// <param name="Proposal">The proposal id.</param>
public sealed record SponsorProposal(Hash256 Proposal) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.SponsorProposal;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Proposal);

    /// <summary>Reads the body.</summary>
    public static SponsorProposal DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
