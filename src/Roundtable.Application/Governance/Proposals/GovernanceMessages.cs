using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// Builds governance messages from application types (parameters, ballots), for clients, the
/// devnet demo and tests. Sign the result with <c>Transaction.Create</c>; the proposal's id is
/// <see cref="ProposalId.For"/>(author, the sequence of that transaction).
/// </summary>
public static class GovernanceMessages
{
    /// <summary>A recommendation with an inline Markdown document.</summary>
    public static SubmitProposal Recommendation(string title, string markdown, Hash256 chair = default) =>
        new(title, ProposalDocument.Inline(markdown), new Recommendation(), chair, false);

    /// <summary>A best-practice selection among <paramref name="options"/>.</summary>
    public static SubmitProposal BestPractice(string title, string markdown, IReadOnlyList<string> options, bool secret = false) =>
        new(title, ProposalDocument.Inline(markdown), new BestPracticeSelection(options), default, secret);

    /// <summary>New chain parameters and/or governance rules (the latter decided under the constitutional rule).</summary>
    public static SubmitProposal ChangeParameters(string title, string markdown, ChainParameters? chain, GovernanceParameters? governance, bool secret = false) =>
        new(title, ProposalDocument.Inline(markdown), new ParameterChange(Encode(chain), Encode(governance)), default, secret);

    /// <summary>A new validator set.</summary>
    public static SubmitProposal ChangeValidators(string title, string markdown, IReadOnlyList<Validator> validators) =>
        new(title, ProposalDocument.Inline(markdown), new ValidatorChange(validators), default, false);

    /// <summary>An approved software upgrade.</summary>
    public static SubmitProposal Upgrade(string title, string markdown, string version, Hash256 versionHash, ulong haltHeight) =>
        new(title, ProposalDocument.Inline(markdown), new SoftwareUpgrade(version, versionHash, haltHeight), default, false);

    /// <summary>An emergency pause of <paramref name="module"/> (empty for none) and/or the cancellation of a passed proposal.</summary>
    public static SubmitProposal Emergency(string title, string markdown, string module, ulong durationMs, Hash256 cancel = default) =>
        new(title, ProposalDocument.Inline(markdown), new EmergencyPause(module, durationMs, cancel), default, false);

    /// <summary>Revokes the anchor <paramref name="digest"/>, or supersedes it by <paramref name="replacement"/> when one is given, by collective decision.</summary>
    public static SubmitProposal WithdrawAnchor(string title, string markdown, Hash256 digest, Hash256? replacement, string reason) =>
        new(title, ProposalDocument.Inline(markdown), new AnchorWithdrawal(digest, replacement, reason), default, false);

    /// <summary>Creates a zone, replaces its policy (<paramref name="change"/> with a policy) or retires it (without one).</summary>
    public static SubmitProposal ChangeZone(string title, string markdown, ZoneChange change) =>
        new(title, ProposalDocument.Inline(markdown), change, default, false);

    /// <summary>An assessment of the anchored <paramref name="subject"/> against the criteria adopted by the recommendation <paramref name="criteriaList"/>, on the grade scale <paramref name="grades"/> (worst first).</summary>
    public static SubmitProposal Assess(string title, string markdown, Hash256 subject, Hash256 criteriaList, IReadOnlyList<string> criteria, IReadOnlyList<string> grades, bool secret = false) =>
        new(title, ProposalDocument.Inline(markdown), new Assessment(subject, criteriaList, criteria, grades), default, secret);

    /// <summary>An open ballot of any method (yes/no, consensus statement, approval, ranked).</summary>
    public static CastVote Vote<TBallot>(Hash256 proposal, Hash256 document, TBallot ballot)
        where TBallot : ICanonical<TBallot> => new(proposal, document, Canonical.ToBytes(ballot));

    /// <summary>The commitment to <paramref name="ballot"/> with the voter's secret 32-byte <paramref name="salt"/>.</summary>
    public static CommitVote Commit<TBallot>(Hash256 proposal, Hash256 document, Hash256 voter, TBallot ballot, byte[] salt)
        where TBallot : ICanonical<TBallot> => new(proposal, document, BallotCommitment.Compute(proposal, voter, ballot, salt));

    /// <summary>The reveal of a committed ballot.</summary>
    public static RevealVote Reveal<TBallot>(Hash256 proposal, TBallot ballot, byte[] salt)
        where TBallot : ICanonical<TBallot> => new(proposal, Canonical.ToBytes(ballot), salt);

    /// <summary>The chair's ruling on <paramref name="objector"/>'s <paramref name="objection"/>.</summary>
    public static RuleOnObjection Rule(Hash256 proposal, Hash256 objector, ConsensusStatement objection, bool addressed, string rationale) =>
        new(proposal, objector, objection.ObjectionDigest, addressed, rationale);

    private static byte[] Encode<T>(T? value)
        where T : class, ICanonical<T> => value is null ? [] : Canonical.ToBytes(value);
}
