using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// Registers the transaction's sender key as a new member. The member id is the id of this
/// first key and never changes, even when the key is rotated or recovered.
/// </summary>
/// <param name="DisplayName">The name shown to others, 1–100 UTF-8 bytes.</param>
/// <param name="StakeholderGroup">A group named in the parameters.</param>
/// <param name="Region">A region named in the parameters.</param>
/// <param name="Profile">Commitments to published profile fields, names strictly ascending.</param>
public sealed record RegisterMember(string DisplayName, string StakeholderGroup, string Region, IReadOnlyList<ProfileField> Profile) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a display name.</summary>
    public const int MaxDisplayNameBytes = 100;

    /// <inheritdoc />
    public override MessageType Type => MessageType.RegisterMember;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(DisplayName);
        writer.WriteString(StakeholderGroup);
        writer.WriteString(Region);
        writer.WriteList(Profile, static (w, f) =>
        {
            w.WriteString(f.Name);
            w.WriteHash(f.Commitment);
        });
    }

    /// <summary>Reads the body; profile names must be identifiers in strictly ascending order.</summary>
    public static RegisterMember DecodeBody(ref CanonicalReader reader)
    {
        var name = reader.ReadString(MaxDisplayNameBytes, "display name");
        if (name.Length == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "Display name is empty.");
        }

        var group = Identifier.Read(ref reader, "stakeholder group");
        var region = Identifier.Read(ref reader, "region");
        var count = reader.ReadLength(ProfileField.MaxFields, "profile field count");
        var profile = new ProfileField[count];
        for (var i = 0; i < count; i++)
        {
            var field = Identifier.Read(ref reader, "profile field name");
            var commitment = reader.ReadHash();
            if (i > 0 && string.CompareOrdinal(profile[i - 1].Name, field) >= 0)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Profile field names must be unique and in ascending order.");
            }

            profile[i] = new ProfileField(field, commitment);
        }

        return new RegisterMember(name, group, region, profile);
    }

    /// <inheritdoc />
    public bool Equals(RegisterMember? other) =>
        other is not null && DisplayName == other.DisplayName && StakeholderGroup == other.StakeholderGroup &&
        Region == other.Region && Profile.SequenceEqual(other.Profile);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisplayName, StakeholderGroup, Region, Profile.Count);
}
