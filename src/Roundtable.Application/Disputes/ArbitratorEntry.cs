using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Disputes;

/// <summary>A volunteer on the roster of arbitrators.</summary>
/// <param name="Member">The volunteer.</param>
/// <param name="SinceHeight">When they joined.</param>
public sealed record ArbitratorEntry(Hash256 Member, ulong SinceHeight) : ICanonical<ArbitratorEntry>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        writer.WriteVarUInt(SinceHeight);
    }

    /// <inheritdoc />
    public static ArbitratorEntry Decode(ref CanonicalReader reader) => new(reader.ReadHash(), reader.ReadVarUInt());
}

/// <summary>An arbitrator who could be drawn for a dispute, with the group whose seat they could fill.</summary>
/// <param name="Member">The arbitrator.</param>
/// <param name="Group">Their stakeholder group at the draw.</param>
public sealed record Candidate(Hash256 Member, string Group)
{
    /// <summary>Writes member then group.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        writer.WriteString(Group);
    }

    /// <summary>Reads member then group.</summary>
    public static Candidate Decode(ref CanonicalReader reader) => new(reader.ReadHash(), Ledger.Identifier.Read(ref reader, "group"));
}
