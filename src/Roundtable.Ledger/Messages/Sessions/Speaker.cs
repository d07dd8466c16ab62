using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// A speaker as the programme publishes them. A speaker who is a member links the member id;
/// others are named only, with the stakeholder group and region the programme gives.
/// </summary>
/// <param name="Name">Name as published, 1–100 UTF-8 bytes.</param>
/// <param name="StakeholderGroup">A group named in the parameters.</param>
/// <param name="Region">A region named in the parameters.</param>
/// <param name="Member">The speaker's member id, when the speaker is a member.</param>
public sealed record Speaker(string Name, string StakeholderGroup, string Region, Hash256? Member = null)
{
    /// <summary>Maximum UTF-8 length of a speaker's name.</summary>
    public const int MaxNameBytes = 100;

    /// <summary>Writes the speaker.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteString(StakeholderGroup);
        writer.WriteString(Region);
        writer.WriteBool(Member is not null);
        if (Member is { } member)
        {
            writer.WriteHash(member);
        }
    }

    /// <summary>Reads a speaker.</summary>
    public static Speaker Decode(ref CanonicalReader reader)
    {
        var name = BoundedText.ReadNonEmpty(ref reader, MaxNameBytes, "speaker name");
        var group = Identifier.Read(ref reader, "speaker stakeholder group");
        var region = Identifier.Read(ref reader, "speaker region");
        Hash256? member = reader.ReadOptionalMarker() ? reader.ReadHash() : null;
        return new Speaker(name, group, region, member);
    }
}
