using Roundtable.Core.Encoding;
using Roundtable.Ledger;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Validators;

/// <summary>What the rule did to a validator after evidence of a double sign.</summary>
/// <param name="ValidatorName">The validator's name in the set it was in (kept: it may have left every set since).</param>
/// <param name="StakeholderGroup">Its stakeholder group.</param>
/// <param name="RecordedHeight">The block that recorded the evidence.</param>
/// <param name="EffectiveHeight">The first block decided without the validator (0 when not applied).</param>
/// <param name="Applied">Whether the validator left the set; false when its removal would break the set's bounds.</param>
/// <param name="Note">The outcome in words.</param>
public sealed record SuspensionRecord(string ValidatorName, string StakeholderGroup, ulong RecordedHeight, ulong EffectiveHeight, bool Applied, string Note) : ICanonical<SuspensionRecord>
{
    /// <summary>Longest note kept, in UTF-8 bytes.</summary>
    public const int MaxNoteBytes = 512;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(ValidatorName);
        writer.WriteString(StakeholderGroup);
        writer.WriteVarUInt(RecordedHeight);
        writer.WriteVarUInt(EffectiveHeight);
        writer.WriteBool(Applied);
        writer.WriteString(Note);
    }

    /// <inheritdoc />
    public static SuspensionRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadString(Validator.MaxNameBytes, "name"), Identifier.Read(ref reader, "stakeholder group"), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadBool(), reader.ReadString(MaxNoteBytes, "note"));
}
