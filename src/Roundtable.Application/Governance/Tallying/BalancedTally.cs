using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>Rules of a <c>balanced</c> vote.</summary>
/// <param name="Threshold">Balanced support needed (the design's rule is "≥", <see cref="Threshold.AtLeast"/>).</param>
/// <param name="RequiredGroups">How many counted groups must have their own majority (group support &gt; 1/2).</param>
/// <param name="GroupQuorum">
/// Optional participation each group needs to be counted: (yes + no + abstain) / group electors ≥
/// quorum. A group below it carries no weight and cannot count towards <paramref name="RequiredGroups"/>.
/// </param>
public sealed record BalancedRules(Threshold Threshold, int RequiredGroups, Rational? GroupQuorum = null)
{
    /// <summary>Checks the numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The group count is negative or the quorum is outside [0, 1].</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RequiredGroups);
        if (GroupQuorum is { } q && (q.Sign < 0 || q > Rational.One))
        {
            throw new ArgumentOutOfRangeException(nameof(GroupQuorum), q, "A quorum is a fraction between 0 and 1.");
        }
    }
}

/// <summary>One stakeholder group in a <c>balanced</c> vote.</summary>
/// <param name="Counts">The group's yes / no / abstain counts.</param>
/// <param name="QuorumMet">The group reached the group quorum (true when there is none).</param>
/// <param name="Counted">The group is in the average: at least one yes or no, and quorum met.</param>
/// <param name="Weight">The group's share of the decision: 1 / (groups counted), or 0 when not counted.</param>
/// <param name="VoterWeight">Weight of one yes or no ballot in the group: Weight / (yes + no), or 0.</param>
/// <param name="HasOwnMajority">Counted and group support &gt; 1/2.</param>
public sealed record BalancedGroup(
    YesNoCounts Counts,
    bool QuorumMet,
    bool Counted,
    Rational Weight,
    Rational VoterWeight,
    bool HasOwnMajority)
{
    /// <summary>Group support yes / (yes + no); null when nobody in the group took a side.</summary>
    public Rational? Support => Counts.Support;
}

/// <summary>The outcome of a <c>balanced</c> vote.</summary>
/// <param name="Passed">Threshold met and enough groups with their own majority.</param>
/// <param name="BalancedSupport">Average of the counted groups' supports; null when no group is counted.</param>
/// <param name="ThresholdMet">Balanced support meets the threshold.</param>
/// <param name="GroupsCounted">Groups in the average.</param>
/// <param name="GroupsWithMajority">Counted groups whose own support is above 1/2.</param>
/// <param name="RequiredGroupsMet">GroupsWithMajority ≥ RequiredGroups.</param>
/// <param name="Total">Plain counts over the electorate (one member, one vote; for information).</param>
/// <param name="ByGroup">Every stakeholder group with electors.</param>
/// <param name="ByRegion">Plain counts per region, every region with electors.</param>
/// <param name="Rules">The rules applied.</param>
/// <param name="Superseded">Ballots replaced by a re-vote.</param>
/// <param name="Ignored">Ballots from non-electors, not counted.</param>
public sealed record BalancedResult(
    bool Passed,
    Rational? BalancedSupport,
    bool ThresholdMet,
    int GroupsCounted,
    int GroupsWithMajority,
    bool RequiredGroupsMet,
    YesNoCounts Total,
    ImmutableSortedDictionary<string, BalancedGroup> ByGroup,
    ImmutableSortedDictionary<string, YesNoCounts> ByRegion,
    BalancedRules Rules,
    int Superseded,
    int Ignored);

/// <summary>
/// <c>balanced</c>: tally inside each stakeholder group, then weigh every group equally.
/// Group support sᵍ = yesᵍ / (yesᵍ + noᵍ). The counted groups are those with at least one yes or
/// no ballot (and, when a group quorum is set, that reached it); a group whose members all
/// abstained or stayed away takes no position, so it is left out of the average rather than being
/// read as 0 (against) or 1 (for). Balanced support S = (Σ sᵍ over counted groups) / k, where k is
/// the number of counted groups: each counted group weighs 1/k whatever its size, and a ballot in
/// it weighs 1 / (k · (yesᵍ + noᵍ)). Passes when S meets the threshold and at least
/// <see cref="BalancedRules.RequiredGroups"/> counted groups have sᵍ &gt; 1/2.
/// </summary>
/// <remarks>
/// A group's weight depends only on k, never on how many members any group has: adding members
/// (and their yes / no ballots) to a group that is already counted changes no other group's
/// weight or support. Only a group entering or leaving the average changes k.
/// </remarks>
public static class BalancedTally
{
    /// <summary>Tallies the final ballots in <paramref name="box"/>.</summary>
    public static BalancedResult Tally(BallotBox<YesNoBallot> box, BalancedRules rules)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();

        var counts = Breakdown.ByGroup(box, YesNoCounts.Count);
        var counted = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        var quorum = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        var k = 0;
        var supportSum = Rational.Zero;
        foreach (var (group, c) in counts)
        {
            var quorumMet = rules.GroupQuorum is not { } q || (c.Participation is { } p && p >= q);
            quorum[group] = quorumMet;
            counted[group] = quorumMet && c.Support is not null;
            if (counted[group])
            {
                k++;
                supportSum += c.Support!.Value;
            }
        }

        var weight = k == 0 ? Rational.Zero : Rational.Of(1, k);
        var byGroup = ImmutableSortedDictionary.CreateBuilder<string, BalancedGroup>(StringComparer.Ordinal);
        var withMajority = 0;
        foreach (var (group, c) in counts)
        {
            var isCounted = counted[group];
            var hasMajority = isCounted && c.HasOwnMajority;
            if (hasMajority)
            {
                withMajority++;
            }

            byGroup[group] = new BalancedGroup(
                c,
                quorum[group],
                isCounted,
                isCounted ? weight : Rational.Zero,
                isCounted ? weight / c.Decisive : Rational.Zero,
                hasMajority);
        }

        Rational? balanced = k == 0 ? null : supportSum / k;
        var thresholdMet = balanced is { } s && rules.Threshold.IsMetBy(s);
        var requiredMet = withMajority >= rules.RequiredGroups;
        return new BalancedResult(
            thresholdMet && requiredMet,
            balanced,
            thresholdMet,
            k,
            withMajority,
            requiredMet,
            YesNoCounts.Count(box.Electorate.Count, box.Ballots),
            byGroup.ToImmutable(),
            Breakdown.ByRegion(box, YesNoCounts.Count),
            rules,
            box.Superseded,
            box.Ignored);
    }
}
