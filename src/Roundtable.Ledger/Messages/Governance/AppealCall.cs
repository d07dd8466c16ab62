using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>An objector appeals the chair's consensus call within the appeal window; a balanced vote on the call opens.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Reason">Why, 1..4096 UTF-8 bytes.</param>
public sealed record AppealCall(Hash256 Proposal, string Reason) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AppealCall;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static AppealCall DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTextBytes, "reason"));
}
