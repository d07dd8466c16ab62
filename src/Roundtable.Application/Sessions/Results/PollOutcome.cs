namespace Roundtable.Application.Sessions.Results;

/// <summary>The count of a poll in a form the API and the report share.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Electors">Participants in the poll's electorate.</param>
/// <param name="Voters">Electors who voted.</param>
/// <param name="Winner">The winning choice (an option, or "yes" / "no"); null when nobody voted.</param>
/// <param name="Summary">One sentence: what was decided and by how much.</param>
/// <param name="Choices">Every choice in listing order.</param>
/// <param name="ByGroup">Every stakeholder group with electors.</param>
/// <param name="ByRegion">Every region with electors.</param>
public sealed record PollOutcome(
    string Method,
    int Electors,
    int Voters,
    string? Winner,
    string Summary,
    IReadOnlyList<ChoiceLine> Choices,
    IReadOnlyList<SegmentLine> ByGroup,
    IReadOnlyList<SegmentLine> ByRegion);

/// <summary>One choice of a poll.</summary>
/// <param name="Label">The option (or yes / no / abstain).</param>
/// <param name="Score">Its total: votes, approvals, weighted approvals, or its Schulze rank ("rank 1").</param>
/// <param name="Support">How many voters of each group back it (yes / no / abstain votes, approvals, or first preferences), ordinal group order.</param>
public sealed record ChoiceLine(string Label, string Score, IReadOnlyList<GroupSupport> Support);

/// <summary>How many voters of a group back a choice, out of the group's voters.</summary>
/// <param name="Group">The stakeholder group.</param>
/// <param name="Backers">Voters backing the choice.</param>
/// <param name="Voters">Voters of the group.</param>
public sealed record GroupSupport(string Group, int Backers, int Voters);

/// <summary>A stakeholder group or region's part in a poll.</summary>
/// <param name="Name">The group or region id.</param>
/// <param name="Electors">Its electors.</param>
/// <param name="Voters">Its voters.</param>
/// <param name="OwnChoice">What it would have decided alone; null when none of it took a side ("tie" on an even yes / no split).</param>
public sealed record SegmentLine(string Name, int Electors, int Voters, string? OwnChoice);
