using Roundtable.Core.Hashing;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Application.Validators;

/// <summary>A validator the equivocation rule acted on: what it did, the evidence, and where the validator stands now.</summary>
/// <param name="Validator">The validator's key id.</param>
/// <param name="Suspension">What the rule did.</param>
/// <param name="Evidence">The evidence recorded against it.</param>
/// <param name="InCurrentSet">Whether it decides blocks now.</param>
public sealed record ValidatorAccountability(Hash256 Validator, SuspensionRecord Suspension, IReadOnlyList<DuplicateVoteEvidence> Evidence, bool InCurrentSet);
