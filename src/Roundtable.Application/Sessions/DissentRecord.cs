using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>An objection or minority view recorded in a session.</summary>
/// <param name="Number">0, 1, … in the order recorded.</param>
/// <param name="Member">Who recorded it.</param>
/// <param name="Kind">Objection or minority view.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Reason">The reason or view.</param>
/// <param name="Height">Height of the recording block.</param>
public sealed record DissentRecord(uint Number, Hash256 Member, DissentKind Kind, string Subject, string Reason, ulong Height) : ICanonical<DissentRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Number);
        writer.WriteHash(Member);
        writer.WriteByte((byte)Kind);
        writer.WriteString(Subject);
        writer.WriteString(Reason);
        writer.WriteVarUInt(Height);
    }

    /// <inheritdoc />
    public static DissentRecord Decode(ref CanonicalReader reader) => new(
        (uint)reader.ReadVarUInt(SessionRecord.MaxDissents, "dissent number"),
        reader.ReadHash(),
        (DissentKind)reader.ReadByte(),
        reader.ReadString(RecordDissent.MaxSubjectBytes, "subject"),
        reader.ReadString(RecordDissent.MaxReasonBytes, "reason"),
        reader.ReadVarUInt());
}
