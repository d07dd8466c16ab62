using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// The balanced vote on an appealed dispute decision: "shall the panel's remedy be carried out?".
/// Opened only by a party's <see cref="Disputes.AppealDecision"/>, never submitted as a proposal;
/// passing changes nothing by itself (the remedy is its own later transaction), rejection stops it.
/// </summary>
/// <param name="Dispute">The appealed dispute.</param>
public sealed record DisputeAppeal(Hash256 Dispute) : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.DisputeAppeal;

    /// <summary>Reads the body.</summary>
    public static DisputeAppeal DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Dispute);
}
