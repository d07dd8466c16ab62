using Roundtable.Core.Hashing;

namespace Roundtable.Application.Power;

/// <summary>The turnout of one proposal, overall and per stakeholder group.</summary>
/// <param name="Id">The proposal.</param>
/// <param name="AuthorGroup">The author's stakeholder group.</param>
/// <param name="Total">The whole electorate.</param>
/// <param name="ByGroup">Each group of the electorate, in ordinal order.</param>
public sealed record ProposalTurnout(Hash256 Id, string AuthorGroup, Turnout Total, IReadOnlyList<Turnout> ByGroup);
