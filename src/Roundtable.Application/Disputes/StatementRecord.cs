using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>A party's statement.</summary>
/// <param name="Author">The claimant or the respondent.</param>
/// <param name="Text">The statement.</param>
/// <param name="Evidence">Digests of the evidence it adds.</param>
/// <param name="Height">The height that recorded it.</param>
/// <param name="TimeMs">That block's time.</param>
public sealed record StatementRecord(Hash256 Author, string Text, IReadOnlyList<Hash256> Evidence, ulong Height, ulong TimeMs) : ICanonical<StatementRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Author);
        writer.WriteString(Text);
        SortedHashes.Write(writer, Evidence);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static StatementRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadString(DisputeLimits.MaxStatementBytes, "statement"),
            SortedHashes.Read(ref reader, DisputeLimits.MaxEvidence, "evidence digests"), reader.ReadVarUInt(), reader.ReadVarUInt());

    /// <inheritdoc />
    public bool Equals(StatementRecord? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Author, Height);
}
