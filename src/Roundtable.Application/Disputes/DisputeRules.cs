using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>
/// How disputes run on this chain: the panel, the deadlines of each phase (block time), and the
/// only remedies a panel may order. Part of the chain parameters, so changing them is a balanced
/// parameter-change proposal; a dispute keeps the rules in force when it was filed.
/// </summary>
/// <param name="PanelSize">Arbitrators drawn from the whole roster, 1–<see cref="DisputeLimits.MaxPanel"/>; 0: one from each stakeholder group that has an eligible volunteer.</param>
/// <param name="MinPanelSize">Fewest arbitrators a panel may have; with fewer eligible volunteers the dispute closes undecided.</param>
/// <param name="StatementPeriodMs">From the draw: the parties' statements.</param>
/// <param name="DeliberationMs">From the end of statements: the panel's time to decide.</param>
/// <param name="AppealWindowMs">From the decision: the parties' time to appeal.</param>
/// <param name="MaxSuspensionMs">Longest suspension of a name or of a right to vote.</param>
/// <param name="Remedies">The remedies a panel may order, ascending; always includes ordering nothing.</param>
public sealed record DisputeRules(
    uint PanelSize,
    uint MinPanelSize,
    ulong StatementPeriodMs,
    ulong DeliberationMs,
    ulong AppealWindowMs,
    ulong MaxSuspensionMs,
    IReadOnlyList<RemedyKind> Remedies) : ICanonical<DisputeRules>
{
    private const ulong Day = 86_400_000;

    /// <summary>
    /// The rules of a chain that sets none: one arbitrator per group and at least three, a week of
    /// statements, two weeks to decide, a week to appeal, suspensions of up to a year, every remedy.
    /// </summary>
    public static DisputeRules Default { get; } = new(0, 3, 7 * Day, 14 * Day, 7 * Day, 365 * Day, Enum.GetValues<RemedyKind>());

    /// <summary>These rules with the statement, deliberation and appeal periods all <paramref name="periodMs"/>: for devnets and demos.</summary>
    public DisputeRules WithUniformPeriods(ulong periodMs) =>
        this with { StatementPeriodMs = periodMs, DeliberationMs = periodMs, AppealWindowMs = periodMs };

    /// <summary>True when a panel may order <paramref name="kind"/>.</summary>
    public bool Allows(RemedyKind kind) => Remedies.Contains(kind);

    /// <summary>Null when coherent, otherwise the reason.</summary>
    public string? Validate()
    {
        if (PanelSize > DisputeLimits.MaxPanel || MinPanelSize == 0 || MinPanelSize > DisputeLimits.MaxPanel || (PanelSize > 0 && MinPanelSize > PanelSize))
        {
            return $"a panel has 1 to {DisputeLimits.MaxPanel} arbitrators (0 for one per group), and at least 1 but no more than the panel size";
        }

        if (StatementPeriodMs == 0 || DeliberationMs == 0 || AppealWindowMs == 0)
        {
            return "the statement, deliberation and appeal periods are not empty";
        }

        for (var i = 0; i < Remedies.Count; i++)
        {
            if (!Enum.IsDefined(Remedies[i]) || (i > 0 && Remedies[i - 1] >= Remedies[i]))
            {
                return "the remedies are known kinds, unique and sorted";
            }
        }

        return Allows(RemedyKind.OrderNothing) ? null : "a panel can always order nothing (a claim may fail)";
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(PanelSize);
        writer.WriteVarUInt(MinPanelSize);
        writer.WriteVarUInt(StatementPeriodMs);
        writer.WriteVarUInt(DeliberationMs);
        writer.WriteVarUInt(AppealWindowMs);
        writer.WriteVarUInt(MaxSuspensionMs);
        writer.WriteList(Remedies, static (w, r) => w.WriteByte((byte)r));
    }

    /// <inheritdoc />
    public static DisputeRules Decode(ref CanonicalReader reader)
    {
        var panel = (uint)reader.ReadVarUInt(DisputeLimits.MaxPanel, "panel size");
        var min = (uint)reader.ReadVarUInt(DisputeLimits.MaxPanel, "minimum panel size");
        var statements = reader.ReadVarUInt();
        var deliberation = reader.ReadVarUInt();
        var appeal = reader.ReadVarUInt();
        var maxSuspension = reader.ReadVarUInt();
        var count = reader.ReadLength(8, "remedy count");
        var remedies = new RemedyKind[count];
        for (var i = 0; i < count; i++)
        {
            remedies[i] = (RemedyKind)reader.ReadByte();
        }

        var rules = new DisputeRules(panel, min, statements, deliberation, appeal, maxSuspension, remedies);
        var problem = rules.Validate();
        return problem is null ? rules : throw new DecodeException(DecodeError.InvalidValue, "Dispute rules: " + problem + ".");
    }

    /// <inheritdoc />
    public bool Equals(DisputeRules? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PanelSize, StatementPeriodMs, Remedies.Count);
}
