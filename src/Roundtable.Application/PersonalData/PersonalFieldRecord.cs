using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;

namespace Roundtable.Application.PersonalData;

/// <summary>
/// What the state knows of a personal field: its commitment, owner and name, where it was
/// recorded, and whether its owner withdrew it. Never its value (docs/personal-data.md).
/// </summary>
/// <param name="Commitment">The salted commitment the transaction carried.</param>
/// <param name="Owner">The member the field belongs to.</param>
/// <param name="Field">The field name ("gender", "organisation", …).</param>
/// <param name="RecordedAtHeight">The height of the registration or check-in that carried it.</param>
/// <param name="WithdrawnAtHeight">The height its owner withdrew it at, or 0 while it stands.</param>
public sealed record PersonalFieldRecord(Hash256 Commitment, Hash256 Owner, string Field, ulong RecordedAtHeight, ulong WithdrawnAtHeight)
    : ICanonical<PersonalFieldRecord>
{
    /// <summary>True once the owner withdrew the field.</summary>
    public bool IsWithdrawn => WithdrawnAtHeight != 0;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Commitment);
        writer.WriteHash(Owner);
        writer.WriteString(Field);
        writer.WriteVarUInt(RecordedAtHeight);
        writer.WriteVarUInt(WithdrawnAtHeight);
    }

    /// <inheritdoc />
    public static PersonalFieldRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadHash(), Identifier.Read(ref reader, "personal field name"), reader.ReadVarUInt(), reader.ReadVarUInt());
}
