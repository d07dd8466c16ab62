using System.Collections.Immutable;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions.Results;

namespace Roundtable.Portal.Components;

/// <summary>
/// A count (a proposal's, or a session poll's) broken down by stakeholder group and by region, whatever the voting method:
/// the columns the method has (yes/no/abstain, positions, voters and each group's own choice, sealed
/// ballots), and one fraction per row for the chart (support, or turnout where support has no meaning).
/// </summary>
/// <param name="MetricKey">Language key of what the chart's fraction means.</param>
/// <param name="ColumnKeys">Language keys of the count columns.</param>
/// <param name="HasChoice">True when each row also names the option that group or region preferred.</param>
/// <param name="ByGroup">One row per stakeholder group.</param>
/// <param name="ByRegion">One row per region.</param>
public sealed record TallyBreakdown(string MetricKey, IReadOnlyList<string> ColumnKeys, bool HasChoice, IReadOnlyList<TallyRow> ByGroup, IReadOnlyList<TallyRow> ByRegion)
{
    private static readonly string[] YesNoColumns = ["tally.electors", "tally.yes", "tally.no", "tally.abstain"];
    private static readonly string[] PositionColumns = ["tally.electors", "tally.support", "tally.stand-aside", "tally.object"];
    private static readonly string[] ChoiceColumns = ["tally.electors", "tally.voters"];
    private static readonly string[] SealedColumns = ["tally.electors", "tally.committed", "tally.revealed"];

    /// <summary>The breakdown of <paramref name="report"/>, or null before anything can be shown.</summary>
    public static TallyBreakdown? Of(ProposalTallyReport report, IReadOnlyList<string> options)
    {
        if (report.Majority is { } m)
        {
            return YesNo(m.ByGroup, m.ByRegion);
        }

        if (report.Balanced is { } b)
        {
            return YesNo(b.ByGroup.ToImmutableSortedDictionary(g => g.Key, g => g.Value.Counts, StringComparer.Ordinal), b.ByRegion);
        }

        if (report.Consensus is { } c)
        {
            return new TallyBreakdown("tally.metric-support", PositionColumns, false, Rows(c.ByGroup, Positions), Rows(c.ByRegion, Positions));
        }

        if (report.Approval is { } a)
        {
            TallyRow Approval(string name, ApprovalCounts n) => new(name, [n.Electors, n.Voters], Choice(options, n.Winner), Fraction(n.Voters, n.Electors));
            return new TallyBreakdown("tally.metric-turnout", ChoiceColumns, true, Rows(a.ByGroup, Approval), Rows(a.ByRegion, Approval));
        }

        if (report.Ranked is { } r)
        {
            TallyRow Ranked(string name, RankedCounts n) => new(name, [n.Electors, n.Voters], Choice(options, n.Winner), Fraction(n.Voters, n.Electors));
            return new TallyBreakdown("tally.metric-turnout", ChoiceColumns, true, Rows(r.ByGroup, Ranked), Rows(r.ByRegion, Ranked));
        }

        if (report.Secret is { } s)
        {
            static TallyRow Sealed(string name, CommitmentCounts n) => new(name, [n.Electors, n.Committed, n.Revealed], null, Fraction(n.Committed, n.Electors));
            return new TallyBreakdown("tally.metric-sealed", SealedColumns, false, Rows(s.ByGroup, Sealed), Rows(s.ByRegion, Sealed));
        }

        return null;
    }

    /// <summary>The breakdown of a closed session poll: who could vote, who did, and each segment's own choice.</summary>
    public static TallyBreakdown OfPoll(PollOutcome outcome)
    {
        static List<TallyRow> Rows(IEnumerable<SegmentLine> lines) =>
            [.. lines.Select(l => new TallyRow(l.Name, [l.Electors, l.Voters], l.OwnChoice, Fraction(l.Voters, l.Electors)))];
        return new TallyBreakdown("tally.metric-turnout", ChoiceColumns, true, Rows(outcome.ByGroup), Rows(outcome.ByRegion));
    }

    private static TallyBreakdown YesNo(ImmutableSortedDictionary<string, YesNoCounts> byGroup, ImmutableSortedDictionary<string, YesNoCounts> byRegion)
    {
        static TallyRow Row(string name, YesNoCounts n) => new(name, [n.Electors, n.Yes, n.No, n.Abstain], null, Fraction(n.Yes, n.Yes + n.No));
        return new TallyBreakdown("tally.metric-yes", YesNoColumns, false, Rows(byGroup, Row), Rows(byRegion, Row));
    }

    private static TallyRow Positions(string name, PositionCounts n) =>
        new(name, [n.Electors, n.Support, n.StandAside, n.Object], null, Fraction(n.Support, n.Support + n.StandAside + n.Object));

    private static List<TallyRow> Rows<T>(ImmutableSortedDictionary<string, T> entries, Func<string, T, TallyRow> row) =>
        [.. entries.Select(e => row(e.Key, e.Value))];

    private static string? Choice(IReadOnlyList<string> options, int? winner) => winner is { } w && w < options.Count ? options[w] : null;

    private static Rational Fraction(int part, int whole) => whole == 0 ? Rational.Zero : new Rational(part, whole);
}

/// <summary>One group's or region's counts, its preferred option when the method has options, and the chart's fraction.</summary>
public sealed record TallyRow(string Segment, IReadOnlyList<int> Counts, string? Choice, Rational Fraction);
