using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Members;

/// <summary>
/// A member as the state holds it. Only what the member published is here: name, declared group
/// and region, and commitments to the profile fields they chose (their values live beside the
/// chain, docs/personal-data.md).
/// </summary>
public sealed record MemberRecord(
    Hash256 Id,
    PublicKey Key,
    string DisplayName,
    string StakeholderGroup,
    string Region,
    IReadOnlyList<ProfileField> Profile,
    MemberStatus Status,
    ulong RegisteredAtHeight,
    ulong VerifiedAtHeight,
    IReadOnlyList<Hash256> Attestations,
    IReadOnlyList<Hash256> Guardians,
    uint GuardianThreshold,
    ulong Sequence) : ICanonical<MemberRecord>
{
    /// <summary>Attestations kept per member (enough for any admission rule).</summary>
    public const int MaxAttestations = 64;

    /// <summary>True once affiliation is verified (height 0 means not yet).</summary>
    public bool IsVerified => VerifiedAtHeight != 0;

    /// <summary>True when the member's key may sign.</summary>
    public bool IsActive => Status == MemberStatus.Active;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        Key.Encode(writer);
        writer.WriteString(DisplayName);
        writer.WriteString(StakeholderGroup);
        writer.WriteString(Region);
        writer.WriteList(Profile, static (w, f) =>
        {
            w.WriteString(f.Name);
            w.WriteHash(f.Commitment);
        });
        writer.WriteByte((byte)Status);
        writer.WriteVarUInt(RegisteredAtHeight);
        writer.WriteVarUInt(VerifiedAtHeight);
        SortedHashes.Write(writer, Attestations);
        SortedHashes.Write(writer, Guardians);
        writer.WriteVarUInt(GuardianThreshold);
        writer.WriteVarUInt(Sequence);
    }

    /// <inheritdoc />
    public static MemberRecord Decode(ref CanonicalReader reader)
    {
        var id = reader.ReadHash();
        var key = PublicKey.Decode(ref reader);
        var name = reader.ReadString(RegisterMember.MaxDisplayNameBytes, "display name");
        var group = Identifier.Read(ref reader, "stakeholder group");
        var region = Identifier.Read(ref reader, "region");
        var count = reader.ReadLength(ProfileField.MaxFields, "profile field count");
        var profile = new ProfileField[count];
        for (var i = 0; i < count; i++)
        {
            profile[i] = new ProfileField(Identifier.Read(ref reader, "profile field"), reader.ReadHash());
        }

        var status = (MemberStatus)reader.ReadByte();
        return new MemberRecord(
            id, key, name, group, region, profile, status,
            reader.ReadVarUInt(), reader.ReadVarUInt(),
            SortedHashes.Read(ref reader, MaxAttestations, "attestations"),
            SortedHashes.Read(ref reader, SetGuardians.MaxGuardians, "guardians"),
            (uint)reader.ReadVarUInt(SetGuardians.MaxGuardians, "guardian threshold"),
            reader.ReadVarUInt());
    }
}
