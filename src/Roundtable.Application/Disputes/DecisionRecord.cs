using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>The panel's decision as recorded: what it orders, why, and which panelists signed it.</summary>
/// <param name="Remedy">The remedy ordered.</param>
/// <param name="Rationale">The panel's reasons.</param>
/// <param name="Digest">SHA-256 of the signed decision (<see cref="DisputeDecision.Digest"/>).</param>
/// <param name="Signers">The panelists whose signatures verified, by member id (a majority of the panel).</param>
/// <param name="Height">The height that recorded it.</param>
/// <param name="TimeMs">That block's time: the appeal window starts here.</param>
public sealed record DecisionRecord(Remedy Remedy, string Rationale, Hash256 Digest, IReadOnlyList<Hash256> Signers, ulong Height, ulong TimeMs) : ICanonical<DecisionRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        Remedy.Encode(writer);
        writer.WriteString(Rationale);
        writer.WriteHash(Digest);
        SortedHashes.Write(writer, Signers);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static DecisionRecord Decode(ref CanonicalReader reader) =>
        new(Remedy.Decode(ref reader), reader.ReadString(DisputeDecision.MaxRationaleBytes, "rationale"), reader.ReadHash(),
            SortedHashes.Read(ref reader, DisputeLimits.MaxPanel, "signers"), reader.ReadVarUInt(), reader.ReadVarUInt());

    /// <inheritdoc />
    public bool Equals(DecisionRecord? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Digest, Height);
}
