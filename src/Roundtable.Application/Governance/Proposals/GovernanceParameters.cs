using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// The rules of governance, held in the state beside the chain parameters and changed only by a
/// parameter-change proposal decided under <see cref="Constitutional"/>, which must be at least as
/// strict as the ordinary parameter-change rule. There is no admin key.
/// </summary>
/// <param name="Rules">
/// One rule per <see cref="ProposalKind"/>, in kind order (1..10); or the 6, 7, 8 or 9 rules that chains
/// started before anchor withdrawals (kind 7), zone changes (kind 8), dispute appeals (kind 9) or
/// assessments (kind 10) hold, which decide the kinds they lack under the parameter-change rule (<see cref="RuleOf"/>).
/// </param>
/// <param name="Constitutional">The rule for changing these rules.</param>
/// <param name="MaxPauseMs">Longest emergency pause of a module.</param>
public sealed record GovernanceParameters(IReadOnlyList<ProposalRule> Rules, ProposalRule Constitutional, ulong MaxPauseMs) : ICanonical<GovernanceParameters>
{
    /// <summary>Number of proposal kinds, hence of rules.</summary>
    public const int KindCount = 10;

    /// <summary>Number of rules stored by chains started before assessments (kind 10) existed; still valid.</summary>
    public const int KindCountWithoutAssessment = 9;

    /// <summary>Number of rules stored by chains started before dispute appeals (kind 9) existed; still valid.</summary>
    public const int KindCountWithoutDisputeAppeal = 8;

    /// <summary>Number of rules stored by chains started before zone changes (kind 8) existed; still valid.</summary>
    public const int KindCountWithoutZoneChange = 7;

    /// <summary>Number of rules stored by chains started before anchor withdrawals (kind 7) existed; still valid.</summary>
    public const int KindCountWithoutAnchorWithdrawal = 6;

    /// <summary>
    /// Defaults for a new network (a genesis may set its own): recommendations by consensus,
    /// best-practice selections by balanced Schulze, parameter and validator changes, upgrades,
    /// anchor withdrawals and zone changes by balanced vote (≥ 2/3, two groups with their own majority, one-day timelock), emergency
    /// pauses by balanced vote without deliberation or timelock, appealed dispute decisions by a
    /// balanced majority with no sponsors, deliberation or timelock, assessments graded with
    /// balanced weighting after a day of deliberation with one sponsor; the constitutional rule asks ≥ 3/4
    /// of balanced support, three groups and a week's timelock.
    /// </summary>
    public static GovernanceParameters Default { get; } = new(
        [
            Rule(VotingMethod.Consensus, 2, 3, requiredGroups: 0, sponsors: 1, deliberation: Hours(24), voting: Hours(72), timelock: 0),
            Rule(VotingMethod.BalancedRanked, 1, 2, requiredGroups: 0, sponsors: 1, deliberation: Hours(24), voting: Hours(72), timelock: 0),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 2, deliberation: Hours(72), voting: Hours(72), timelock: Hours(24)),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 2, deliberation: Hours(72), voting: Hours(72), timelock: Hours(24)),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 2, deliberation: Hours(72), voting: Hours(72), timelock: Hours(24)),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 1, deliberation: 0, voting: Hours(1), timelock: 0),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 2, deliberation: Hours(72), voting: Hours(72), timelock: Hours(24)),
            Rule(VotingMethod.Balanced, 2, 3, requiredGroups: 2, sponsors: 2, deliberation: Hours(72), voting: Hours(72), timelock: Hours(24)),
            Rule(VotingMethod.Balanced, 1, 2, requiredGroups: 0, sponsors: 0, deliberation: 0, voting: Hours(72), timelock: 0),
            Rule(VotingMethod.Balanced, 1, 2, requiredGroups: 0, sponsors: 1, deliberation: Hours(24), voting: Hours(72), timelock: 0),
        ],
        Rule(VotingMethod.Balanced, 3, 4, requiredGroups: 3, sponsors: 3, deliberation: Hours(168), voting: Hours(168), timelock: Hours(168)),
        Hours(72));

    /// <summary>
    /// These rules with every period (deliberation, voting, reveal, call, appeal, timelock) set to
    /// <paramref name="periodMs"/>, except the emergency fast track's deliberation and timelock,
    /// which stay as they are: for devnets and demos.
    /// </summary>
    public GovernanceParameters WithUniformPeriods(ulong periodMs)
    {
        ProposalRule Scale(ProposalRule r) => r with
        {
            DeliberationMs = r.DeliberationMs == 0 ? 0 : periodMs, VotingMs = periodMs, RevealMs = periodMs, CallMs = periodMs,
            AppealWindowMs = periodMs, TimelockMs = r.TimelockMs == 0 ? 0 : periodMs,
        };

        return this with { Rules = [.. Rules.Select(Scale)], Constitutional = Scale(Constitutional) };
    }

    /// <summary>The rule that decides <paramref name="action"/>: the constitutional rule for a change of these rules.</summary>
    public ProposalRule RuleFor(ProposalAction action) =>
        action is ParameterChange { IsConstitutional: true } ? Constitutional : RuleOf(action.Kind);

    /// <summary>The ordinary rule of <paramref name="kind"/>: the stored rule of <see cref="RuleKindOf"/>.</summary>
    public ProposalRule RuleOf(ProposalKind kind) => Rules[(int)RuleKindOf(kind) - 1];

    /// <summary>
    /// The kind whose stored rule decides <paramref name="kind"/>: itself, except on rules stored
    /// before that kind existed, which decide it under the parameter-change rule —
    /// the same balanced, time-locked vote the defaults give them, and a choice every node makes
    /// alike from the state alone.
    /// </summary>
    public ProposalKind RuleKindOf(ProposalKind kind) => (int)kind <= Rules.Count ? kind : ProposalKind.ParameterChange;

    /// <summary>Null when coherent, otherwise the reason.</summary>
    public string? Validate()
    {
        if (Rules.Count is not (KindCount or KindCountWithoutAssessment or KindCountWithoutDisputeAppeal or KindCountWithoutZoneChange or KindCountWithoutAnchorWithdrawal))
        {
            return $"there is one rule per proposal kind ({KindCount}; {KindCountWithoutAnchorWithdrawal}, {KindCountWithoutZoneChange}, {KindCountWithoutDisputeAppeal} or {KindCountWithoutAssessment} on chains whose rules predate anchor withdrawals, zone changes, dispute appeals or assessments)";
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var kind = (ProposalKind)(i + 1);
            var problem = Rules[i].Validate();
            if (problem is not null)
            {
                return $"{kind}: {problem}";
            }

            var chooses = Rules[i].Method.ChoosesAmongOptions();
            if (chooses != (kind == ProposalKind.BestPractice))
            {
                return kind == ProposalKind.BestPractice
                    ? "best-practice selections are decided by approval or ranked ballots"
                    : $"{kind} is a yes/no question: majority, balanced or consensus";
            }

            if (kind == ProposalKind.EmergencyPause && !Rules[i].Method.IsYesNo())
            {
                return "emergency proposals are decided by majority or balanced vote (the fast track has no chair)";
            }

            if (kind == ProposalKind.Assessment && !Rules[i].Method.IsYesNo())
            {
                return "assessments are graded by majority judgment, one ballot one weight (majority) or every group weighing the same (balanced)";
            }

            if (kind == ProposalKind.DisputeAppeal && Rules[i].Method != VotingMethod.Balanced)
            {
                return "appealed dispute decisions are decided by balanced vote";
            }
        }

        var constitutional = Constitutional.Validate();
        if (constitutional is not null)
        {
            return "constitutional rule: " + constitutional;
        }

        return Constitutional.IsAtLeastAsStrictAs(RuleOf(ProposalKind.ParameterChange))
            ? null
            : "the constitutional rule must be a majority or balanced vote at least as strict as the parameter-change rule on every count";
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteList(Rules, static (w, r) => r.Encode(w));
        Constitutional.Encode(writer);
        writer.WriteVarUInt(MaxPauseMs);
    }

    /// <inheritdoc />
    public static GovernanceParameters Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(KindCount, "rule count");
        var rules = new ProposalRule[count];
        for (var i = 0; i < count; i++)
        {
            rules[i] = ProposalRule.Decode(ref reader);
        }

        var parameters = new GovernanceParameters(rules, ProposalRule.Decode(ref reader), reader.ReadVarUInt());
        var problem = parameters.Validate();
        return problem is null ? parameters : throw new DecodeException(DecodeError.InvalidValue, "Governance parameters: " + problem + ".");
    }

    /// <inheritdoc />
    public bool Equals(GovernanceParameters? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rules.Count, MaxPauseMs);

    /// <summary>A rule with a zero quorum, an inclusive threshold and one-hour reveal, call and appeal windows.</summary>
    public static ProposalRule Rule(VotingMethod method, ulong thresholdNumerator, ulong thresholdDenominator, uint requiredGroups, uint sponsors, ulong deliberation, ulong voting, ulong timelock) =>
        new(method, 0, 1, thresholdNumerator, thresholdDenominator, true, requiredGroups, sponsors, deliberation, voting, Hours(1), Hours(1), Hours(1), timelock);

    private static ulong Hours(ulong hours) => hours * 3_600_000;
}
