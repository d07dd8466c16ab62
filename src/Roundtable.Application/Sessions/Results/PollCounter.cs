using System.Collections.Immutable;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions.Results;

/// <summary>
/// Counts a session poll with the tallying library (docs/governance.md). The electorate is the
/// participants whose check-in came before the poll opened (ordinal below the poll's electorate
/// size), with the group and region they had at check-in. Yes / no polls pass on more yes than no
/// (majority: no quorum; balanced: balanced support &gt; 1/2 and at least one group with its own
/// majority).
/// </summary>
public static class PollCounter
{
    private static readonly MajorityRules MajorityRules = new(Rational.Zero, Threshold.SimpleMajority);
    private static readonly BalancedRules BalancedRules = new(Threshold.SimpleMajority, 1);

    /// <summary>The electorate of <paramref name="poll"/>.</summary>
    public static Electorate ElectorateOf(PollRecord poll, IEnumerable<ParticipantRecord> participants) =>
        new(participants.Where(p => p.Ordinal < poll.ElectorateSize).Select(p => new Voter(p.Member, p.StakeholderGroup, p.Region)));

    /// <summary>Counts the ballots of <paramref name="poll"/>.</summary>
    public static PollOutcome Count(PollRecord poll, IReadOnlyList<ParticipantRecord> participants, IReadOnlyList<BallotRecord> ballots)
    {
        var electorate = ElectorateOf(poll, participants);
        var method = PollMethods.Name(poll.Definition.Method);
        var options = poll.Definition.Options;
        switch (poll.Definition.Method)
        {
            case PollMethod.Majority:
            {
                var r = MajorityTally.Tally(BallotBox.FromLog(electorate, PollBallots.Read<YesNoBallot>(ballots)), MajorityRules);
                var byGroup = r.ByGroup.ToImmutableSortedDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
                return YesNo(method, r.Passed, $"{(r.Passed ? "Passed" : "Not passed")}: {YesNoText(r.Total)}.", r.Total, byGroup, r.ByRegion);
            }

            case PollMethod.Balanced:
            {
                var r = BalancedTally.Tally(BallotBox.FromLog(electorate, PollBallots.Read<YesNoBallot>(ballots)), BalancedRules);
                var support = r.BalancedSupport is { } s ? Figures.Show(s) : "none";
                var summary = $"{(r.Passed ? "Passed" : "Not passed")}: balanced support {support} over {r.GroupsCounted} group(s), {r.GroupsWithMajority} with their own majority; {YesNoText(r.Total)}.";
                return YesNo(method, r.Passed, summary, r.Total, r.ByGroup.ToImmutableSortedDictionary(g => g.Key, g => g.Value.Counts, StringComparer.Ordinal), r.ByRegion);
            }

            case PollMethod.Approval or PollMethod.BalancedApproval:
            {
                var box = BallotBox.FromLog(electorate, PollBallots.Read<ApprovalBallot>(ballots));
                var r = poll.Definition.Method == PollMethod.Approval ? ApprovalTally.Tally(box, options.Count) : ApprovalTally.TallyBalanced(box, options.Count);
                var choices = options.Select((o, i) => new ChoiceLine(o, Figures.Show(r.Scores[i]), [.. r.ByGroup.Select(g => new GroupSupport(g.Key, g.Value.Approvals[i], g.Value.Voters))])).ToList();
                var winner = r.Winner is { } w ? options[w] : null;
                var summary = winner is null ? "No option was approved." : $"\"{winner}\" has the most {(r.Balanced ? "weighted " : "")}approvals ({Figures.Show(r.Scores[r.Winner!.Value])}).";
                return new PollOutcome(
                    method, electorate.Count, r.Voters, winner, summary, choices,
                    [.. r.ByGroup.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Voters, Label(options, g.Value.Winner)))],
                    [.. r.ByRegion.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Voters, Label(options, g.Value.Winner)))]);
            }

            default:
            {
                var box = BallotBox.FromLog(electorate, PollBallots.Read<RankedBallot>(ballots));
                var r = poll.Definition.Method == PollMethod.Ranked ? SchulzeTally.Tally(box, options.Count) : SchulzeTally.TallyBalanced(box, options.Count);
                var choices = options.Select((o, i) => new ChoiceLine(
                    o,
                    r.Voters == 0 ? "–" : "rank " + (r.Ranking.IndexOf(i) + 1).ToString(System.Globalization.NumberFormatInfo.InvariantInfo),
                    [.. r.ByGroup.Select(g => new GroupSupport(g.Key, box.Ballots.Count(b => b.Voter.Group == g.Key && b.Ballot.Ranks[i] == 1), g.Value.Voters))])).ToList();
                var winner = r.Winner is { } w ? options[w] : null;
                var summary = winner is null
                    ? "Nobody voted."
                    : $"Schulze {(r.Balanced ? "(balanced) " : "")}winner: \"{winner}\"{TieNote(options, r.PotentialWinners)}; ranking: {string.Join(" > ", r.Ranking.Select(i => options[i]))}.";
                return new PollOutcome(
                    method, electorate.Count, r.Voters, winner, summary, choices,
                    [.. r.ByGroup.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Voters, Label(options, g.Value.Winner)))],
                    [.. r.ByRegion.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Voters, Label(options, g.Value.Winner)))]);
            }
        }
    }

    private static PollOutcome YesNo(
        string method,
        bool passed,
        string summary,
        YesNoCounts total,
        ImmutableSortedDictionary<string, YesNoCounts> byGroup,
        ImmutableSortedDictionary<string, YesNoCounts> byRegion)
    {
        ChoiceLine Line(string label, int count, Func<YesNoCounts, int> pick) =>
            new(label, count.ToString(System.Globalization.NumberFormatInfo.InvariantInfo), [.. byGroup.Select(g => new GroupSupport(g.Key, pick(g.Value), g.Value.Cast))]);

        return new PollOutcome(
            method,
            total.Electors,
            total.Cast,
            total.Cast == 0 ? null : passed ? "yes" : "no",
            summary,
            [Line("yes", total.Yes, c => c.Yes), Line("no", total.No, c => c.No), Line("abstain", total.Abstain, c => c.Abstain)],
            [.. byGroup.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Cast, Side(g.Value)))],
            [.. byRegion.Select(g => new SegmentLine(g.Key, g.Value.Electors, g.Value.Cast, Side(g.Value)))]);
    }

    private static string TieNote(IReadOnlyList<string> options, ImmutableArray<int> potentialWinners) =>
        potentialWinners.Length < 2
            ? ""
            : $" (tied with {string.Join(", ", potentialWinners.Skip(1).Select(i => $"\"{options[i]}\""))}; a tie goes to the option listed first)";

    private static string YesNoText(YesNoCounts c) => $"{c.Yes} yes, {c.No} no, {c.Abstain} abstain of {c.Electors} elector(s)";

    private static string? Side(YesNoCounts counts) => counts.Support switch
    {
        null => null,
        var s when s > Rational.Half => "yes",
        var s when s < Rational.Half => "no",
        _ => "tie",
    };

    private static string? Label(IReadOnlyList<string> options, int? index) => index is { } i ? options[i] : null;
}
