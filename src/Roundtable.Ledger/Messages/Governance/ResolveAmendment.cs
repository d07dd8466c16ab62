using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>The author accepts (the amended document becomes the pinned one) or rejects an amendment.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Amendment">The amendment's number (0-based, in order of proposal).</param>
/// <param name="Accept">Accept or reject.</param>
public sealed record ResolveAmendment(Hash256 Proposal, uint Amendment, bool Accept) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ResolveAmendment;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteVarUInt(Amendment);
        writer.WriteBool(Accept);
    }

    /// <summary>Reads the body.</summary>
    public static ResolveAmendment DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), (uint)reader.ReadVarUInt(uint.MaxValue, "amendment number"), reader.ReadBool());
}
