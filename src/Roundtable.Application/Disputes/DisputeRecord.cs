using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>
/// A dispute: the filing, the rules it runs under (those in force when filed), the panel, the
/// decision and what became of it. Its phase follows from these and the block time (<see cref="DisputePhases"/>).
/// </summary>
/// <param name="Id">The dispute's id (<see cref="DisputeId.For"/>).</param>
/// <param name="Claimant">The member who filed it.</param>
/// <param name="Respondent">The member answering for the subject.</param>
/// <param name="Subject">What is in dispute.</param>
/// <param name="Claim">The claim.</param>
/// <param name="Evidence">Digests of the claim's evidence.</param>
/// <param name="Rules">The dispute rules at filing.</param>
/// <param name="FiledHeight">The filing height.</param>
/// <param name="FiledMs">The filing block's time.</param>
/// <param name="Conflicts">Volunteers who declared a conflict, by member id.</param>
/// <param name="Panel">The draw, once made.</param>
/// <param name="Statements">Number of statements made.</param>
/// <param name="Decision">The panel's decision, once made.</param>
/// <param name="AppealProposal">The balanced vote opened by an appeal, if any.</param>
/// <param name="RemedyHeight">The height at which the remedy was carried out; 0 until then.</param>
public sealed record DisputeRecord(
    Hash256 Id,
    Hash256 Claimant,
    Hash256 Respondent,
    DisputeSubject Subject,
    string Claim,
    IReadOnlyList<Hash256> Evidence,
    DisputeRules Rules,
    ulong FiledHeight,
    ulong FiledMs,
    IReadOnlyList<Hash256> Conflicts,
    PanelRecord? Panel,
    uint Statements,
    DecisionRecord? Decision,
    Hash256? AppealProposal,
    ulong RemedyHeight) : ICanonical<DisputeRecord>
{
    /// <summary>Most statements a dispute keeps (each party's statements count towards it).</summary>
    public const int MaxStatements = 16;

    /// <summary>Most conflicts declared on one dispute.</summary>
    public const int MaxConflicts = PanelRecord.MaxCandidates;

    /// <summary>The block whose id seeds the draw: the one after the filing.</summary>
    public ulong SeedHeight => FiledHeight + 1;

    /// <summary>End of the statement phase (block time), once a panel sits.</summary>
    public ulong StatementsEndMs => Sum(Panel?.DrawnMs ?? 0, Rules.StatementPeriodMs);

    /// <summary>End of deliberation: no decision can be recorded from then on.</summary>
    public ulong DecisionDeadlineMs => Sum(StatementsEndMs, Rules.DeliberationMs);

    /// <summary>End of the appeal window, once decided.</summary>
    public ulong AppealEndMs => Sum(Decision?.TimeMs ?? 0, Rules.AppealWindowMs);

    /// <summary>True when <paramref name="member"/> is the claimant or the respondent.</summary>
    public bool IsParty(Hash256 member) => member == Claimant || member == Respondent;

    private static ulong Sum(ulong a, ulong b) => b > ulong.MaxValue - a ? ulong.MaxValue : a + b;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        writer.WriteHash(Claimant);
        writer.WriteHash(Respondent);
        Subject.Encode(writer);
        writer.WriteString(Claim);
        SortedHashes.Write(writer, Evidence);
        Rules.Encode(writer);
        writer.WriteVarUInt(FiledHeight);
        writer.WriteVarUInt(FiledMs);
        SortedHashes.Write(writer, Conflicts);
        writer.WriteOptional(Panel, static (w, p) => p.Encode(w));
        writer.WriteVarUInt(Statements);
        writer.WriteOptional(Decision, static (w, d) => d.Encode(w));
        writer.WriteBool(AppealProposal is not null);
        if (AppealProposal is { } appeal)
        {
            writer.WriteHash(appeal);
        }

        writer.WriteVarUInt(RemedyHeight);
    }

    /// <inheritdoc />
    public static DisputeRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadHash(), reader.ReadHash(), DisputeSubject.Decode(ref reader),
            reader.ReadString(DisputeLimits.MaxClaimBytes, "claim"), SortedHashes.Read(ref reader, DisputeLimits.MaxEvidence, "evidence digests"),
            DisputeRules.Decode(ref reader), reader.ReadVarUInt(), reader.ReadVarUInt(), SortedHashes.Read(ref reader, MaxConflicts, "conflicts"),
            reader.ReadOptionalMarker() ? PanelRecord.Decode(ref reader) : null,
            (uint)reader.ReadVarUInt(MaxStatements, "statement count"),
            reader.ReadOptionalMarker() ? DecisionRecord.Decode(ref reader) : null,
            reader.ReadOptionalMarker() ? reader.ReadHash() : null,
            reader.ReadVarUInt());

    /// <inheritdoc />
    public bool Equals(DisputeRecord? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Statements, RemedyHeight);
}
