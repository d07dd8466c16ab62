using Roundtable.Core.Hashing;

namespace Roundtable.Application.Power;

/// <summary>
/// What the power checks need from one proposal: who wrote it and, per stakeholder group, how many
/// could vote and how many did. The proposals module supplies one per proposal that opened voting.
/// </summary>
/// <param name="Id">The proposal.</param>
/// <param name="AuthorGroup">The author's stakeholder group.</param>
/// <param name="Electors">The electorate fixed when voting opened, per group (each group once).</param>
/// <param name="Voters">Electors whose ballot counts, per group (each group once, at most its electors).</param>
public sealed record ProposalParticipation(Hash256 Id, string AuthorGroup, IReadOnlyList<GroupCount> Electors, IReadOnlyList<GroupCount> Voters);
