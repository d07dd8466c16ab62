using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// How proposals of one kind are decided. Fractions are exact: numerator / denominator.
/// </summary>
/// <param name="Method">The voting method.</param>
/// <param name="QuorumNumerator">Quorum numerator: participation of the electorate for majority, of each group for balanced (0 = none).</param>
/// <param name="QuorumDenominator">Quorum denominator (≥ 1).</param>
/// <param name="ThresholdNumerator">Support threshold numerator (majority, balanced, and the balanced vote on an appealed consensus call).</param>
/// <param name="ThresholdDenominator">Threshold denominator (≥ 1).</param>
/// <param name="ThresholdInclusive">True: support ≥ threshold; false: support &gt; threshold.</param>
/// <param name="RequiredGroups">Groups that must have their own majority (balanced).</param>
/// <param name="SponsorsRequired">Sponsors (other than the author) needed to leave deliberation.</param>
/// <param name="DeliberationMs">Block time from submission to the opening of the vote.</param>
/// <param name="VotingMs">Length of the vote (and of the commit phase of a secret ballot, and of an appeal vote).</param>
/// <param name="RevealMs">Length of the reveal phase of a secret ballot.</param>
/// <param name="CallMs">Time the chair has, after a consensus vote closes, to make the call.</param>
/// <param name="AppealWindowMs">Time, after the chair's call, during which an objector may appeal.</param>
/// <param name="TimelockMs">Time between passing and execution.</param>
public sealed record ProposalRule(
    VotingMethod Method,
    ulong QuorumNumerator,
    ulong QuorumDenominator,
    ulong ThresholdNumerator,
    ulong ThresholdDenominator,
    bool ThresholdInclusive,
    uint RequiredGroups,
    uint SponsorsRequired,
    ulong DeliberationMs,
    ulong VotingMs,
    ulong RevealMs,
    ulong CallMs,
    ulong AppealWindowMs,
    ulong TimelockMs) : ICanonical<ProposalRule>
{
    /// <summary>Most sponsors a rule may require (and a proposal keeps).</summary>
    public const int MaxSponsors = 64;

    /// <summary>The quorum as a fraction.</summary>
    public Rational Quorum => new(QuorumNumerator, QuorumDenominator);

    /// <summary>The threshold.</summary>
    public Threshold Threshold => new(new Rational(ThresholdNumerator, ThresholdDenominator), ThresholdInclusive ? ThresholdComparison.AtLeast : ThresholdComparison.GreaterThan);

    /// <summary>Null when coherent, otherwise the reason.</summary>
    public string? Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            return "unknown voting method";
        }

        if (QuorumDenominator == 0 || ThresholdDenominator == 0 || QuorumNumerator > QuorumDenominator || ThresholdNumerator > ThresholdDenominator)
        {
            return "quorum and threshold are fractions between 0 and 1";
        }

        if (SponsorsRequired > MaxSponsors)
        {
            return $"at most {MaxSponsors} sponsors can be required";
        }

        if (VotingMs == 0)
        {
            return "the voting period is not empty";
        }

        return Method == VotingMethod.Consensus && CallMs == 0 ? "a consensus rule gives the chair time to call" : null;
    }

    /// <summary>True when this rule is at least as demanding as <paramref name="other"/> on every count (for the constitutional rule).</summary>
    public bool IsAtLeastAsStrictAs(ProposalRule other) =>
        Method.IsYesNo() && (other.Method == VotingMethod.Majority || Method == VotingMethod.Balanced) &&
        Quorum >= other.Quorum && Threshold.Fraction >= other.Threshold.Fraction && RequiredGroups >= other.RequiredGroups &&
        SponsorsRequired >= other.SponsorsRequired && DeliberationMs >= other.DeliberationMs && VotingMs >= other.VotingMs &&
        TimelockMs >= other.TimelockMs;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Method);
        writer.WriteVarUInt(QuorumNumerator);
        writer.WriteVarUInt(QuorumDenominator);
        writer.WriteVarUInt(ThresholdNumerator);
        writer.WriteVarUInt(ThresholdDenominator);
        writer.WriteBool(ThresholdInclusive);
        writer.WriteVarUInt(RequiredGroups);
        writer.WriteVarUInt(SponsorsRequired);
        writer.WriteVarUInt(DeliberationMs);
        writer.WriteVarUInt(VotingMs);
        writer.WriteVarUInt(RevealMs);
        writer.WriteVarUInt(CallMs);
        writer.WriteVarUInt(AppealWindowMs);
        writer.WriteVarUInt(TimelockMs);
    }

    /// <inheritdoc />
    public static ProposalRule Decode(ref CanonicalReader reader)
    {
        var rule = new ProposalRule(
            (VotingMethod)reader.ReadByte(),
            reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadBool(),
            (uint)reader.ReadVarUInt(64, "required groups"),
            (uint)reader.ReadVarUInt(MaxSponsors, "sponsors required"),
            reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt());
        var problem = rule.Validate();
        return problem is null ? rule : throw new DecodeException(DecodeError.InvalidValue, "Proposal rule: " + problem + ".");
    }
}
