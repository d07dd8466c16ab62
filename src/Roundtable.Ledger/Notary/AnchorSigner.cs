using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Notary;

/// <summary>
/// A member who signed for an anchor (its author or a co-signer), with the stakeholder group,
/// region and verification the member had when signing: later changes to the member do not
/// rewrite who vouched for the document then.
/// </summary>
/// <param name="Member">The member id.</param>
/// <param name="StakeholderGroup">The member's stakeholder group at the time.</param>
/// <param name="Region">The member's region at the time.</param>
/// <param name="Verified">Whether the member's affiliation was verified at the time.</param>
/// <param name="Height">Height of the block that recorded the signature.</param>
/// <param name="TimeMs">That block's time, milliseconds since the Unix epoch.</param>
public sealed record AnchorSigner(Hash256 Member, string StakeholderGroup, string Region, bool Verified, ulong Height, ulong TimeMs) : ICanonical<AnchorSigner>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        writer.WriteString(StakeholderGroup);
        writer.WriteString(Region);
        writer.WriteBool(Verified);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static AnchorSigner Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(),
        Identifier.Read(ref reader, "stakeholder group"),
        Identifier.Read(ref reader, "region"),
        reader.ReadBool(),
        reader.ReadVarUInt(),
        reader.ReadVarUInt());
}
