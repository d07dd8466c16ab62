namespace Roundtable.Application.Power;

/// <summary>How many people of one stakeholder group: electors of a proposal, or those among them who voted.</summary>
/// <param name="Group">The stakeholder group.</param>
/// <param name="Count">The number of people.</param>
public sealed record GroupCount(string Group, ulong Count);
