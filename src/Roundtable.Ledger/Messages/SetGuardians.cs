using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// Names the members who can together recover the sender's membership onto a new key
/// (<paramref name="Threshold"/> of them must approve). An empty list removes all guardians.
/// </summary>
/// <param name="Guardians">Member ids, strictly ascending, at most <see cref="MaxGuardians"/>.</param>
/// <param name="Threshold">Approvals needed; 1..count, or 0 when the list is empty.</param>
public sealed record SetGuardians(IReadOnlyList<Hash256> Guardians, uint Threshold) : TxMessage
{
    /// <summary>Maximum number of guardians.</summary>
    public const int MaxGuardians = 16;

    /// <inheritdoc />
    public override MessageType Type => MessageType.SetGuardians;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        SortedHashes.Write(writer, Guardians);
        writer.WriteVarUInt(Threshold);
    }

    /// <summary>Reads the body; guardians must be strictly ascending.</summary>
    public static SetGuardians DecodeBody(ref CanonicalReader reader)
    {
        var guardians = SortedHashes.Read(ref reader, MaxGuardians, "guardians");
        var threshold = (uint)reader.ReadVarUInt(MaxGuardians, "guardian threshold");
        return new SetGuardians(guardians, threshold);
    }

    /// <inheritdoc />
    public bool Equals(SetGuardians? other) =>
        other is not null && Threshold == other.Threshold && Guardians.SequenceEqual(other.Guardians);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Threshold, Guardians.Count);
}
