using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.WorkingGroups;

/// <summary>
/// Creates a working group led by the sender, who is its first member. The id is
/// <see cref="IdFor"/> of the sender and this transaction's sequence. At the first block whose
/// time reaches <paramref name="SunsetMs"/> an active group is marked sunset.
/// </summary>
/// <param name="Name">1–200 UTF-8 bytes.</param>
/// <param name="Charter">The charter.</param>
/// <param name="SunsetMs">Sunset date, block time in milliseconds (after the creating block).</param>
public sealed record CreateWorkingGroup(string Name, Charter Charter, ulong SunsetMs) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a name.</summary>
    public const int MaxNameBytes = 200;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CreateWorkingGroup;

    /// <summary>The id of the group created by <paramref name="creator"/>'s transaction number <paramref name="sequence"/>.</summary>
    public static Hash256 IdFor(Hash256 creator, ulong sequence) => RecordId.Derive("working-group", creator, sequence);

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Name);
        Charter.Encode(writer);
        writer.WriteVarUInt(SunsetMs);
    }

    /// <summary>Reads the body.</summary>
    public static CreateWorkingGroup DecodeBody(ref CanonicalReader reader) =>
        new(BoundedText.ReadNonEmpty(ref reader, MaxNameBytes, "working group name"), Charter.Decode(ref reader), reader.ReadVarUInt());
}
