using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>The chair's call after a consensus vote closes, with its rationale.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Consensus">Rough consensus reached, or not.</param>
/// <param name="Rationale">Why, 1..4096 UTF-8 bytes.</param>
public sealed record CallConsensus(Hash256 Proposal, bool Consensus, string Rationale) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.CallConsensus;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteBool(Consensus);
        writer.WriteString(Rationale);
    }

    /// <summary>Reads the body.</summary>
    public static CallConsensus DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadBool(), GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTextBytes, "rationale"));
}
