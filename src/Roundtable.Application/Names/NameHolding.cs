using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Names;

/// <summary>A registered name: who holds it, what it publishes, until when, and whom it is offered to.</summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Label">The registered label.</param>
/// <param name="Holder">The member holding it.</param>
/// <param name="Records">What it publishes.</param>
/// <param name="RegisteredAtMs">When the current holder's registration began (block time).</param>
/// <param name="ExpiresAtMs">When it stops resolving unless renewed (block time).</param>
/// <param name="OfferedTo">The member it is offered to, or null.</param>
/// <param name="ChangedAtHeight">The last height that changed it.</param>
/// <param name="SuspendedUntilMs">
/// Block time until which a dispute's remedy keeps it off the air; 0 when never suspended. Encoded
/// as a trailing field only when not 0, so names written before disputes existed decode unchanged.
/// </param>
public sealed record NameHolding(
    string Zone,
    string Label,
    Hash256 Holder,
    IReadOnlyList<NameRecord> Records,
    ulong RegisteredAtMs,
    ulong ExpiresAtMs,
    Hash256? OfferedTo,
    ulong ChangedAtHeight,
    ulong SuspendedUntilMs = 0) : ICanonical<NameHolding>
{
    /// <summary>The name in full, e.g. <c>alice.forum.internal.</c>.</summary>
    public string FullName => Label + "." + Zone;

    /// <summary>Whether the name resolves at block time <paramref name="timeMs"/>.</summary>
    public bool IsLiveAt(ulong timeMs) => timeMs < ExpiresAtMs && !IsSuspendedAt(timeMs);

    /// <summary>Whether a dispute's remedy keeps it off the air at block time <paramref name="timeMs"/>.</summary>
    public bool IsSuspendedAt(ulong timeMs) => timeMs < SuspendedUntilMs;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        NameMessageCodec.WriteName(writer, Zone, Label);
        writer.WriteHash(Holder);
        NameRecord.WriteList(writer, Records);
        writer.WriteVarUInt(RegisteredAtMs);
        writer.WriteVarUInt(ExpiresAtMs);
        writer.WriteBool(OfferedTo is not null);
        if (OfferedTo is { } offeredTo)
        {
            writer.WriteHash(offeredTo);
        }

        writer.WriteVarUInt(ChangedAtHeight);
        if (SuspendedUntilMs > 0)
        {
            writer.WriteVarUInt(SuspendedUntilMs);
        }
    }

    /// <inheritdoc />
    public static NameHolding Decode(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new NameHolding(zone, label, reader.ReadHash(), NameRecord.ReadList(ref reader), reader.ReadVarUInt(), reader.ReadVarUInt(),
            reader.ReadOptionalMarker() ? reader.ReadHash() : null, reader.ReadVarUInt(), ReadSuspension(ref reader));
    }

    private static ulong ReadSuspension(ref CanonicalReader reader)
    {
        if (reader.Remaining == 0)
        {
            return 0;
        }

        var untilMs = reader.ReadVarUInt();
        return untilMs > 0 ? untilMs : throw new DecodeException(DecodeError.NonCanonical, "A name never suspended is written without a suspension.");
    }

    /// <inheritdoc />
    public bool Equals(NameHolding? other) =>
        other is not null && Zone == other.Zone && Label == other.Label && Holder == other.Holder && Records.SequenceEqual(other.Records)
        && RegisteredAtMs == other.RegisteredAtMs && ExpiresAtMs == other.ExpiresAtMs && OfferedTo == other.OfferedTo && ChangedAtHeight == other.ChangedAtHeight
        && SuspendedUntilMs == other.SuspendedUntilMs;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Zone, Label, Holder, ExpiresAtMs);
}
