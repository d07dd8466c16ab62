using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>
/// A checked-in participant. Group and region are the member's as declared at check-in; the gender
/// is the commitment to what the participant chose to declare in the check-in, or null (its value
/// lives beside the chain, docs/personal-data.md).
/// </summary>
/// <param name="Member">The member id.</param>
/// <param name="Ordinal">0 for the first to check in, 1 for the next, …: polls compare it with their electorate size.</param>
/// <param name="Mode">On site or online.</param>
/// <param name="DeclaredGender">The commitment to a self-declared gender, or null.</param>
/// <param name="StakeholderGroup">The member's group at check-in.</param>
/// <param name="Region">The member's region at check-in.</param>
/// <param name="Verified">Whether the member's affiliation was verified at check-in.</param>
/// <param name="Height">Height of the check-in block.</param>
public sealed record ParticipantRecord(
    Hash256 Member,
    uint Ordinal,
    AttendanceMode Mode,
    Hash256? DeclaredGender,
    string StakeholderGroup,
    string Region,
    bool Verified,
    ulong Height) : ICanonical<ParticipantRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        writer.WriteVarUInt(Ordinal);
        writer.WriteByte((byte)Mode);
        writer.WriteBool(DeclaredGender is not null);
        if (DeclaredGender is { } gender)
        {
            writer.WriteHash(gender);
        }

        writer.WriteString(StakeholderGroup);
        writer.WriteString(Region);
        writer.WriteBool(Verified);
        writer.WriteVarUInt(Height);
    }

    /// <inheritdoc />
    public static ParticipantRecord Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(),
        (uint)reader.ReadVarUInt(SessionRecord.MaxParticipants, "participant ordinal"),
        (AttendanceMode)reader.ReadByte(),
        reader.ReadOptionalMarker() ? reader.ReadHash() : null,
        Identifier.Read(ref reader, "stakeholder group"),
        Identifier.Read(ref reader, "region"),
        reader.ReadBool(),
        reader.ReadVarUInt());
}
