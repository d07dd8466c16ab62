using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>The chair's ruling on one objection in a consensus vote, naming the objection's digest.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Objector">The objecting member.</param>
/// <param name="ObjectionDigest">The digest of the objection as currently worded.</param>
/// <param name="Addressed">Addressed (needs a rationale) or not.</param>
/// <param name="Rationale">How it was addressed, up to 4096 UTF-8 bytes.</param>
public sealed record RuleOnObjection(Hash256 Proposal, Hash256 Objector, Hash256 ObjectionDigest, bool Addressed, string Rationale) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RuleOnObjection;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteHash(Objector);
        writer.WriteHash(ObjectionDigest);
        writer.WriteBool(Addressed);
        writer.WriteString(Rationale);
    }

    /// <summary>Reads the body.</summary>
    public static RuleOnObjection DecodeBody(ref CanonicalReader reader)
    {
        var proposal = reader.ReadHash();
        var objector = reader.ReadHash();
        var digest = reader.ReadHash();
        var addressed = reader.ReadBool();
        var rationale = reader.ReadString(GovernanceText.MaxTextBytes, "rationale");
        return addressed && string.IsNullOrWhiteSpace(rationale)
            ? throw new DecodeException(DecodeError.InvalidValue, "A ruling that an objection is addressed says how.")
            : new RuleOnObjection(proposal, objector, digest, addressed, rationale);
    }
}
