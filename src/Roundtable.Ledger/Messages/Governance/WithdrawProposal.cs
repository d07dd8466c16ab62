using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>The author withdraws the proposal before voting opens.</summary>
/// <param name="Proposal">The proposal id.</param>
public sealed record WithdrawProposal(Hash256 Proposal) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.WithdrawProposal;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Proposal);

    /// <summary>Reads the body.</summary>
    public static WithdrawProposal DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
