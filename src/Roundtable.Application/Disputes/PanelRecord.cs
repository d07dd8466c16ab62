using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>
/// A dispute's draw: the seed, everyone who could have been drawn, and who sits. Kept whole so that
/// anyone can redo the draw (<see cref="PanelDraw"/>) from this record and the seed block's header.
/// </summary>
/// <param name="SeedHeight">The block whose id seeded the draw (the one after the filing).</param>
/// <param name="SeedBlockId">That block's id.</param>
/// <param name="Candidates">The eligible volunteers at the draw, by member id, at most <see cref="MaxCandidates"/>.</param>
/// <param name="Members">The panel now, by member id (replacements included).</param>
/// <param name="DrawnHeight">The height that drew it.</param>
/// <param name="DrawnMs">That block's time: the statement phase starts here.</param>
/// <param name="Failure">Why no panel could sit (too few eligible volunteers); empty when one sits.</param>
public sealed record PanelRecord(
    ulong SeedHeight,
    Hash256 SeedBlockId,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Hash256> Members,
    ulong DrawnHeight,
    ulong DrawnMs,
    string Failure) : ICanonical<PanelRecord>
{
    /// <summary>Most volunteers a roster holds, hence most candidates of a draw.</summary>
    public const int MaxCandidates = 256;

    /// <summary>True when a panel sits.</summary>
    public bool Sits => Failure.Length == 0;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(SeedHeight);
        writer.WriteHash(SeedBlockId);
        writer.WriteList(Candidates, static (w, c) => c.Encode(w));
        SortedHashes.Write(writer, Members);
        writer.WriteVarUInt(DrawnHeight);
        writer.WriteVarUInt(DrawnMs);
        writer.WriteString(Failure);
    }

    /// <inheritdoc />
    public static PanelRecord Decode(ref CanonicalReader reader)
    {
        var seedHeight = reader.ReadVarUInt();
        var seed = reader.ReadHash();
        var count = reader.ReadLength(MaxCandidates, "candidate count");
        var candidates = new Candidate[count];
        for (var i = 0; i < count; i++)
        {
            candidates[i] = Candidate.Decode(ref reader);
        }

        return new PanelRecord(seedHeight, seed, candidates, SortedHashes.Read(ref reader, DisputeLimits.MaxPanel, "panel"),
            reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadString(500, "draw failure"));
    }

    /// <inheritdoc />
    public bool Equals(PanelRecord? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SeedHeight, SeedBlockId, Members.Count);
}
