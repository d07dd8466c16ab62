using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>Rules of a <c>majority</c> vote.</summary>
/// <param name="Quorum">Participation needed: (yes + no + abstain) / electorate ≥ quorum (inclusive).</param>
/// <param name="Threshold">Support needed: yes / (yes + no), compared as the threshold says.</param>
public sealed record MajorityRules(Rational Quorum, Threshold Threshold)
{
    /// <summary>Checks that the quorum is a fraction between 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public void Validate()
    {
        if (Quorum.Sign < 0 || Quorum > Rational.One)
        {
            throw new ArgumentOutOfRangeException(nameof(Quorum), Quorum, "A quorum is a fraction between 0 and 1.");
        }
    }
}

/// <summary>The outcome of a <c>majority</c> vote.</summary>
/// <param name="Passed">Quorum and threshold both met.</param>
/// <param name="QuorumMet">Participation ≥ quorum.</param>
/// <param name="ThresholdMet">Support meets the threshold (false when nobody took a side).</param>
/// <param name="Total">Counts over the whole electorate.</param>
/// <param name="ByGroup">Counts per stakeholder group, every group with electors.</param>
/// <param name="ByRegion">Counts per region, every region with electors.</param>
/// <param name="Rules">The rules applied.</param>
/// <param name="Superseded">Ballots replaced by a re-vote.</param>
/// <param name="Ignored">Ballots from non-electors, not counted.</param>
public sealed record MajorityResult(
    bool Passed,
    bool QuorumMet,
    bool ThresholdMet,
    YesNoCounts Total,
    ImmutableSortedDictionary<string, YesNoCounts> ByGroup,
    ImmutableSortedDictionary<string, YesNoCounts> ByRegion,
    MajorityRules Rules,
    int Superseded,
    int Ignored);

/// <summary>
/// <c>majority</c>: one member, one vote. Passes when participation (yes + no + abstain) / electors
/// reaches the quorum (≥) and support yes / (yes + no) meets the threshold (&gt; or ≥ as the
/// threshold says). With no electors, or nobody taking a side, it does not pass.
/// </summary>
public static class MajorityTally
{
    /// <summary>Tallies the final ballots in <paramref name="box"/>.</summary>
    public static MajorityResult Tally(BallotBox<YesNoBallot> box, MajorityRules rules)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();

        var total = YesNoCounts.Count(box.Electorate.Count, box.Ballots);
        var quorumMet = total.Participation is { } participation && participation >= rules.Quorum;
        var thresholdMet = total.Support is { } support && rules.Threshold.IsMetBy(support);
        return new MajorityResult(
            quorumMet && thresholdMet,
            quorumMet,
            thresholdMet,
            total,
            Breakdown.ByGroup(box, YesNoCounts.Count),
            Breakdown.ByRegion(box, YesNoCounts.Count),
            rules,
            box.Superseded,
            box.Ignored);
    }
}
