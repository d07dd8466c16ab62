using Roundtable.Core.Hashing;

namespace Roundtable.Node.PersonalData;

/// <summary>One stretch of the walk for values a node lacks (<see cref="PersonalDataDesk.Missing"/>).</summary>
/// <param name="Commitments">Standing fields in the stretch whose values the node does not hold, in commitment order.</param>
/// <param name="ResumeAfter">The last field walked, where the next stretch starts; null when the walk reached the last field.</param>
public sealed record MissingValues(IReadOnlyList<Hash256> Commitments, Hash256? ResumeAfter);
